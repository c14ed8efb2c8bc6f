#include "domain/impact/impact_rules.hpp"

#include <algorithm>

#include "domain/common/input.hpp"

namespace aims::impact {
namespace json = boost::json;

namespace {

constexpr std::string_view kSignificant[] = {
    "purpose",           "intended_use",      "foreseeable_misuse", "model_type",      "data_sources",
    "third_party_components", "deployment_context", "affected_people", "human_oversight", "lifecycle_stage",
    "organization_role", "eu_ai_act_class",   "eu_ai_act_basis",    "gpai",
};

std::int64_t int_or(const json::object& o, std::string_view key, std::int64_t fallback) {
  auto p = o.if_contains(key);
  return p && p->is_int64() ? p->as_int64() : fallback;
}

}  // namespace

std::string_view level_name(Level l) {
  switch (l) {
    case Level::normal: return "normal";
    case Level::sensitive: return "sensitive";
    case Level::restricted: return "restricted";
  }
  return "normal";
}

std::optional<Level> parse_level(std::string_view s) {
  if (s == "normal") return Level::normal;
  if (s == "sensitive") return Level::sensitive;
  if (s == "restricted") return Level::restricted;
  return std::nullopt;
}

std::string_view severity_name(int s) {
  static constexpr std::string_view kNames[] = {"minor", "moderate", "serious", "critical"};
  return s >= 1 && s <= kScaleMax ? kNames[s - 1] : "";
}

std::string_view likelihood_name(int l) {
  static constexpr std::string_view kNames[] = {"rare", "possible", "likely", "almost certain"};
  return l >= 1 && l <= kScaleMax ? kNames[l - 1] : "";
}

json::object settings_json(const Settings& s) {
  return json::object{{"sensitive_score", s.sensitive_score},
                      {"restricted_score", s.restricted_score},
                      {"restricted_approver", accounts::role_name(s.restricted_approver)},
                      {"measures_required_from",
                       s.measures_required_from ? level_name(*s.measures_required_from) : std::string_view("none")}};
}

Settings settings_from(const json::object& o) {
  Settings s;
  s.sensitive_score = static_cast<int>(int_or(o, "sensitive_score", s.sensitive_score));
  s.restricted_score = static_cast<int>(int_or(o, "restricted_score", s.restricted_score));
  if (auto p = o.if_contains("restricted_approver"); p && p->is_string())
    if (auto r = accounts::parse_role(p->as_string())) s.restricted_approver = *r;
  if (auto p = o.if_contains("measures_required_from"); p && p->is_string()) {
    if (p->as_string() == "none") s.measures_required_from = std::nullopt;
    else if (auto l = parse_level(p->as_string()); l && *l != Level::normal) s.measures_required_from = *l;
  }
  return s;
}

result<Settings> parse_settings(const json::value& body) {
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  const auto& o = body.as_object();
  input::Reader in(o, {"sensitive_score", "restricted_score", "restricted_approver", "measures_required_from"},
                   {"version", "updated_at", "updated_by", "scales"});
  Settings s;
  auto sensitive = in.integer("sensitive_score", 1, kScaleMax * kScaleMax);
  auto restricted = in.integer("restricted_score", 1, kScaleMax * kScaleMax);
  auto approver = in.choice("restricted_approver", {"admin", "manager"});
  auto measures = in.choice("measures_required_from", {"none", "sensitive", "restricted"});
  for (auto key : {"sensitive_score", "restricted_score", "restricted_approver", "measures_required_from"})
    if (!o.contains(key)) in.error(key, "is required");
  if (sensitive && restricted && *restricted < *sensitive)
    in.error("restricted_score", "must be at least the sensitive score (" + std::to_string(*sensitive) + ")");
  if (!in.ok()) return in.failure("The impact assessment settings are not valid.");
  s.sensitive_score = *sensitive;
  s.restricted_score = *restricted;
  s.restricted_approver = *accounts::parse_role(*approver);
  s.measures_required_from = *measures == "none" ? std::nullopt : parse_level(*measures);
  return s;
}

Level level_of(int score, const Settings& s) {
  if (score >= s.restricted_score) return Level::restricted;
  if (score >= s.sensitive_score) return Level::sensitive;
  return Level::normal;
}

Level annotate_impacts(json::array& impacts, const Settings& s) {
  Level outcome = Level::normal;
  for (auto& v : impacts) {
    auto& e = v.as_object();
    auto score = int_or(e, "severity", 0) * int_or(e, "likelihood", 0);
    e["score"] = score;
    bool harm = e.at("type").as_string() == "harm";
    if (!harm) {
      e["level"] = nullptr;
      continue;
    }
    auto l = level_of(static_cast<int>(score), s);
    e["level"] = level_name(l);
    outcome = std::max(outcome, l);
  }
  return outcome;
}

json::object impact_summary(const json::array& impacts) {
  std::int64_t benefits = 0, harms = 0, measures = 0, highest = 0;
  for (const auto& v : impacts) {
    const auto& e = v.as_object();
    if (e.at("type").as_string() == "harm") {
      ++harms;
      highest = std::max(highest, int_or(e, "score", 0));
    } else {
      ++benefits;
    }
    if (auto m = e.if_contains("measures"); m && m->is_array()) measures += static_cast<std::int64_t>(m->as_array().size());
  }
  return json::object{{"benefits", benefits}, {"harms", harms}, {"measures", measures}, {"highest_harm_score", highest}};
}

std::vector<FieldError> approval_problems(const json::array& impacts, Level outcome, const Settings& s,
                                          accounts::Role approver, bool has_note, std::string& role_error) {
  std::vector<FieldError> out;
  role_error.clear();
  if (outcome == Level::restricted && s.restricted_approver == accounts::Role::admin && approver != accounts::Role::admin)
    role_error = "This use of AI is restricted: only an admin may approve its impact assessment.";
  if (outcome != Level::normal && !has_note)
    out.push_back({"note", 0, "approving a " + std::string(level_name(outcome)) +
                                  " use needs a note saying why its remaining harms are acceptable"});
  if (s.measures_required_from) {
    for (std::size_t i = 0; i < impacts.size(); ++i) {
      const auto& e = impacts[i].as_object();
      if (e.at("type").as_string() != "harm" || !e.at("level").is_string()) continue;
      auto l = parse_level(e.at("level").as_string());
      if (!l || *l < *s.measures_required_from) continue;
      const auto& m = e.at("measures").as_array();
      if (m.empty())
        out.push_back({"impacts[" + std::to_string(i) + "].measures", 0,
                       "a " + std::string(level_name(*l)) + " harm needs at least one measure before approval"});
    }
  }
  return out;
}

std::span<const std::string_view> significant_fields() { return kSignificant; }

json::object system_snapshot(const json::object& system) {
  json::object out;
  for (auto k : kSignificant) {
    auto p = system.if_contains(k);
    out[k] = p ? *p : json::value(nullptr);
  }
  return out;
}

json::array changed_fields(const json::object& snapshot, const json::object& system) {
  json::array out;
  for (auto k : kSignificant) {
    auto was = snapshot.if_contains(k);
    auto now = system.if_contains(k);
    json::value from = was ? *was : json::value(nullptr);
    json::value to = now ? *now : json::value(nullptr);
    if (!was) continue;  // a field the snapshot did not know cannot have changed since
    if (from != to) out.push_back(json::object{{"field", k}, {"from", from}, {"to", to}});
  }
  return out;
}

json::object reassessment_due(const json::value& snapshot, const json::value& next_review_date, const json::object& system,
                              Date today) {
  json::array reasons, changed;
  if (next_review_date.is_string()) {
    auto d = parse_date(std::string(next_review_date.as_string()));
    if (d && *d <= today) reasons.emplace_back("review_date_passed");
  }
  if (snapshot.is_object()) {
    changed = changed_fields(snapshot.as_object(), system);
    if (!changed.empty()) reasons.emplace_back("system_changed");
  }
  bool due = !reasons.empty();
  return json::object{{"due", due},
                      {"reasons", std::move(reasons)},
                      {"next_review_date", next_review_date.is_string() ? next_review_date : json::value(nullptr)},
                      {"changed_fields", std::move(changed)}};
}

}  // namespace aims::impact
