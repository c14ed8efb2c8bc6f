#include "domain/incidents/clocks.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "core/date.hpp"
#include "core/json_members.hpp"

namespace aims::incidents {
namespace json = boost::json;
using namespace std::chrono;

namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

bool has(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }

bool flag(const json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  return p && p->is_bool() && p->as_bool();
}

}  // namespace

std::optional<TimePoint> parse_instant(std::string_view s) {
  int y, mo, d, h, mi, sec = 0;
  if (s.size() < 17 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' || !digits(s, 8, 2, d) ||
      (s[10] != 'T' && s[10] != 't') || !digits(s, 11, 2, h) || s[13] != ':' || !digits(s, 14, 2, mi))
    return std::nullopt;
  std::size_t i = 16;
  milliseconds frac{0};
  if (i < s.size() && s[i] == ':') {
    if (!digits(s, i + 1, 2, sec)) return std::nullopt;
    i += 3;
    if (i < s.size() && s[i] == '.') {
      std::size_t start = ++i;
      int ms = 0, n = 0;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        if (n < 3) ms = ms * 10 + (s[i] - '0'), ++n;
        ++i;
      }
      if (i == start) return std::nullopt;
      while (n < 3) ms *= 10, ++n;
      frac = milliseconds(ms);
    }
  }
  if (h > 23 || mi > 59 || sec > 59 || i >= s.size()) return std::nullopt;
  minutes offset{0};
  if (s[i] == 'Z' || s[i] == 'z') {
    ++i;
  } else if (s[i] == '+' || s[i] == '-') {
    int oh, om;
    if (!digits(s, i + 1, 2, oh) || s.size() <= i + 3 || s[i + 3] != ':' || !digits(s, i + 4, 2, om) || om > 59 ||
        oh * 60 + om > 18 * 60)
      return std::nullopt;
    offset = minutes(oh * 60 + om) * (s[i] == '-' ? -1 : 1);
    i += 6;
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  char day[11];
  std::snprintf(day, sizeof day, "%04d-%02d-%02d", y, mo, d);
  auto date = parse_date(day);
  if (!date) return std::nullopt;
  auto local = TimePoint(*date) + hours(h) + minutes(mi) + seconds(sec) + frac;
  return local - offset;  // 09:30+01:00 is 08:30Z
}

IncidentFacts facts_of(const json::object& doc) {
  IncidentFacts f;
  for (const char* key : {"occurred_at", "became_aware_at", "causal_link_at"})
    if (auto t = parse_instant(string_at(doc, key))) f.timestamps[key] = *t;
  if (auto q = doc.if_contains("qualification"); q && q->is_object()) {
    const auto& o = q->as_object();
    f.qualified = true;
    f.serious = flag(o, "serious");
    f.death = f.serious && flag(o, "death");
    f.critical_or_widespread = f.serious && (string_at(o, "harm_category") == "b" || flag(o, "widespread_infringement"));
    if (auto r = o.if_contains("roles"); r && r->is_array())
      for (const auto& v : r->as_array())
        if (v.is_string()) f.roles.emplace_back(v.as_string());
  }
  if (auto rs = doc.if_contains("reports"); rs && rs->is_array())
    for (const auto& v : rs->as_array()) {
      if (!v.is_object()) continue;
      const auto& o = v.as_object();
      auto at = parse_instant(string_at(o, "sent_at"));
      if (at) f.reports.push_back(SentReport{string_at(o, "id"), string_at(o, "type"), string_at(o, "recipient_kind"), *at});
    }
  return f;
}

std::string_view status_name(ClockStatus s) {
  switch (s) {
    case ClockStatus::running: return "running";
    case ClockStatus::met: return "met";
    case ClockStatus::overdue: return "overdue";
    default: return "not_applicable";
  }
}

namespace {

/// Why the clock does not apply, or "" when it does.
std::string inapplicable(const ClockRule& r, const IncidentFacts& f) {
  if (!f.qualified) return "The incident is not qualified yet.";
  if (!f.serious) return "The incident is not qualified as serious.";
  if (r.condition == "death" && !f.death) return "No person died.";
  if (r.condition == "critical_infrastructure_or_widespread" && !f.critical_or_widespread)
    return "Neither a serious disruption of critical infrastructure nor a widespread infringement.";
  bool role = std::any_of(r.applies_to.begin(), r.applies_to.end(), [&](const std::string& x) { return has(f.roles, x); });
  if (!role) return "The organization does not hold the role this clock applies to.";
  if (!r.unless_role.empty() && has(f.roles, r.unless_role)) return "The organization is also the " + r.unless_role + ".";
  if (!f.timestamps.count(r.trigger)) return "The incident has no " + r.trigger + " timestamp.";
  return "";
}

ClockState state_of(const ClockRule& r, const IncidentFacts& f) {
  ClockState c;
  c.rule = &r;
  c.reason = inapplicable(r, f);
  if (!c.reason.empty()) return c;
  c.start = f.timestamps.at(r.trigger);
  if (r.days) c.deadline = *c.start + hours(24 * *r.days);
  for (const auto& rep : f.reports)
    if (rep.recipient_kind == r.recipient && has(r.met_by, rep.type) && (!c.met_at || rep.sent_at < *c.met_at)) {
      c.met_at = rep.sent_at;
      c.met_by_report = rep.id;
    }
  if (c.met_at) {
    c.status = ClockStatus::met;
    c.on_time = !c.deadline || *c.met_at <= *c.deadline;
  } else {
    c.status = ClockStatus::running;
  }
  return c;
}

}  // namespace

std::vector<ClockState> evaluate(const std::vector<ClockRule>& rules, const IncidentFacts& f, TimePoint now) {
  std::vector<ClockState> out;
  for (const auto& r : rules) {
    auto c = state_of(r, f);
    if (c.status == ClockStatus::running && c.deadline && now > *c.deadline) c.status = ClockStatus::overdue;
    out.push_back(std::move(c));
  }
  return out;
}

json::object to_json(const ClockState& c, TimePoint now) {
  auto when = [](const std::optional<TimePoint>& t) { return t ? json::value(format_time(*t)) : json::value(nullptr); };
  const auto& r = *c.rule;
  json::value left = nullptr;
  if (c.deadline && (c.status == ClockStatus::running || c.status == ClockStatus::overdue))
    left = duration_cast<seconds>(*c.deadline - now).count();
  return json::object{{"id", r.id},
                      {"regime", r.regime},
                      {"citation", r.citation},
                      {"title", r.title},
                      {"summary", r.summary},
                      {"recipient", r.recipient},
                      {"days", r.days ? json::value(*r.days) : json::value(nullptr)},
                      {"status", status_name(c.status)},
                      {"reason", c.reason.empty() ? json::value(nullptr) : json::value(c.reason)},
                      {"start", when(c.start)},
                      {"deadline", when(c.deadline)},
                      {"time_left_seconds", left},
                      {"met_at", when(c.met_at)},
                      {"met_by_report", c.met_by_report.empty() ? json::value(nullptr) : json::value(c.met_by_report)},
                      {"on_time", c.status == ClockStatus::met ? json::value(c.on_time) : json::value(nullptr)}};
}

OpenClocks open_clocks(const std::vector<ClockRule>& rules, const IncidentFacts& f) {
  OpenClocks out;
  for (const auto& r : rules) {
    auto c = state_of(r, f);
    if (c.status != ClockStatus::running) continue;
    out.open = true;
    if (c.deadline && (!out.next_deadline || *c.deadline < *out.next_deadline)) out.next_deadline = c.deadline;
  }
  return out;
}

}  // namespace aims::incidents
