// The three-year certification cycle (docs/certification.md, "The cycle"): one function from the
// certificate and the body's audits to the milestones and what is next. Pure; thread-safe.
#include <algorithm>

#include "core/date_months.hpp"
#include "domain/certification/certification_kinds.hpp"
#include "domain/certification/certification_service.hpp"
#include "domain/records/kind_spec.hpp"

namespace aims::certification {
namespace json = boost::json;
using records::doc_text;

namespace {

struct Milestone {
  const char* type;
  const char* label;
  int due_months;  // after the certification decision; -1: before it (stages), 36: before expiry
};

constexpr Milestone kMilestones[] = {
    {"stage1", "Stage 1", -1},
    {"stage2", "Stage 2", -1},
    {"surveillance1", "Surveillance 1", 12},
    {"surveillance2", "Surveillance 2", 24},
    {"recertification", "Recertification", kCycleMonths},
};

/// The months the recertification audit is due before the certificate expires, so that the body
/// can decide before the expiry.
constexpr int kRecertificationLeadMonths = 3;

/// Whole months from `from` to `to` (negative when `to` is earlier), counting a month once its day is reached.
int months_between(Date from, Date to) {
  std::chrono::year_month_day a{from}, b{to};
  int m = (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 +
          (static_cast<int>(static_cast<unsigned>(b.month())) - static_cast<int>(static_cast<unsigned>(a.month())));
  if (m > 0 && b.day() < a.day()) --m;
  if (m < 0 && b.day() > a.day()) ++m;
  return m;
}

/// "in 5 months", "in 12 days", "today", "3 days ago", "2 months ago".
std::string when_text(Date date, Date today) {
  auto days = (date - today).count();
  if (days == 0) return "today";
  int months = months_between(today, date);
  auto plural = [](long long n, const char* unit) { return std::to_string(n) + " " + unit + (n == 1 ? "" : "s"); };
  if (days > 0) return "in " + (months >= 1 ? plural(months, "month") : plural(days, "day"));
  return (months <= -1 ? plural(-months, "month") : plural(-days, "day")) + " ago";
}

json::value date_or_null(const std::optional<Date>& d) { return d ? json::value(format_date(*d)) : json::value(nullptr); }

}  // namespace

json::object cycle_of(const json::object* certificate, const std::vector<json::object>& audits, Date today) {
  std::optional<Date> decision, expiry;
  json::object out;
  if (certificate) {
    decision = parse_date(doc_text(certificate, "issued_on"));
    expiry = expiry_of(*certificate);
    out["certificate"] = json::object{{"id", doc_text(certificate, "id")},
                                      {"certificate_number", doc_text(certificate, "certificate_number")},
                                      {"certification_body", doc_text(certificate, "certification_body")},
                                      {"issued_on", date_or_null(decision)},
                                      {"expiry", date_or_null(expiry)},
                                      {"status", status_on(*certificate, today)},
                                      {"scope_version", certificate->contains("scope_version") ? certificate->at("scope_version") : nullptr}};
  } else {
    out["certificate"] = nullptr;
  }
  json::array milestones;
  json::value next = nullptr;
  for (const auto& m : kMilestones) {
    // The audit of the milestone: a completed one first, else one in progress or planned (the
    // earliest planned start); a cancelled one only when there is no other.
    const json::object* audit = nullptr;
    auto rank = [](const json::object& a) {
      auto s = doc_text(&a, "status");
      return s == "completed" ? 0 : s == "in_progress" ? 1 : s == "planned" ? 2 : 3;
    };
    for (const auto& a : audits) {
      if (doc_text(&a, "type") != m.type) continue;
      if (!audit || rank(a) < rank(*audit) ||
          (rank(a) == rank(*audit) && doc_text(&a, "planned_start") < doc_text(audit, "planned_start")))
        audit = &a;
    }
    std::optional<Date> due;
    if (decision && m.due_months > 0 && m.due_months < kCycleMonths) due = add_months(*decision, m.due_months);
    if (expiry && m.due_months == kCycleMonths) due = add_months(*expiry, -kRecertificationLeadMonths);
    std::string state;
    std::optional<Date> when;
    auto status = audit ? doc_text(audit, "status") : std::string();
    if (status == "completed") {
      state = "done";
      when = parse_date(doc_text(audit, "actual_end"));
      if (!when) when = parse_date(doc_text(audit, "planned_start"));
    } else if (status == "in_progress") {
      state = "in_progress";
      when = parse_date(doc_text(audit, "actual_start"));
    } else if (status == "planned") {
      when = parse_date(doc_text(audit, "planned_start"));
      state = when && *when < today ? "overdue" : "planned";
    } else if (m.due_months < 0 && decision) {
      // A certificate was issued: its stages took place even if aims holds no record of them.
      state = "not_recorded";
    } else {
      when = due;
      state = due && *due < today ? "overdue" : "due";
    }
    json::object item{{"type", m.type},
                      {"label", m.label},
                      {"state", state},
                      {"due", date_or_null(due)},
                      {"date", date_or_null(when)},
                      {"audit_id", audit ? json::value(doc_text(audit, "id")) : json::value(nullptr)},
                      {"audit_status", audit ? json::value(status) : json::value(nullptr)}};
    bool open = state == "due" || state == "planned" || state == "overdue" || state == "in_progress";
    if (open && next.is_null()) {
      json::object n{{"type", m.type}, {"label", m.label}, {"state", state}, {"date", date_or_null(when)}};
      n["when"] = when ? json::value(when_text(*when, today)) : json::value(nullptr);
      n["in_days"] = when ? json::value(static_cast<std::int64_t>((*when - today).count())) : json::value(nullptr);
      n["in_months"] = when ? json::value(months_between(today, *when)) : json::value(nullptr);
      n["text"] = std::string("next: ") + m.label + (when ? " " + when_text(*when, today) : std::string(" (not planned yet)"));
      next = std::move(n);
    }
    milestones.push_back(std::move(item));
  }
  out["milestones"] = std::move(milestones);
  out["next"] = std::move(next);
  out["today"] = format_date(today);
  return out;
}

}  // namespace aims::certification
