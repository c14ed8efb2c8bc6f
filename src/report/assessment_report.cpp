#include "report/assessment_report.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <map>

#include "core/json_members.hpp"

namespace aims::report {
namespace json = boost::json;

std::int64_t num(const json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  if (p && p->is_int64()) return p->get_int64();
  if (p && p->is_uint64()) return static_cast<std::int64_t>(p->get_uint64());
  return 0;
}

namespace {

std::optional<double> number(const json::value& v) {
  if (v.is_double()) return v.get_double();
  if (v.is_int64()) return static_cast<double>(v.get_int64());
  if (v.is_uint64()) return static_cast<double>(v.get_uint64());
  return std::nullopt;
}

std::string fixed(double v, int places) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", places, v);
  return buf;
}

/// The clause ("4".."10") or Annex A area ("A.6") an item belongs to.
std::string group_of(const std::string& kind, const std::string& id) {
  if (kind == "control") return id.substr(0, id.find('.', 2));
  return id.substr(0, id.find('.'));
}

json::array group_scores(const json::array& groups) {
  json::array out;
  for (const auto& v : groups) {
    if (!v.is_object()) continue;
    const auto& g = v.get_object();
    json::value m = g.contains("maturity") ? g.at("maturity") : json::value(nullptr);
    out.push_back(json::object{{"id", string_at(g, "id")},
                               {"title", string_at(g, "title")},
                               {"maturity", m},
                               {"maturity_text", maturity_text(m)},
                               {"items", num(g, "items")},
                               {"answered", num(g, "answered")},
                               {"below_target", num(g, "below_target")}});
  }
  return out;
}

}  // namespace

std::string maturity_text(const json::value& v) {
  auto n = number(v);
  return n ? fixed(*n, 2) : "N/A";
}

std::string percent_text(const json::value& v) {
  auto n = number(v);
  return n ? fixed(*n, 1) + "%" : "N/A";
}

std::string approach_text(const std::string& approach) {
  if (approach == "clauses") return "Clauses 4–10";
  if (approach == "annex_a") return "Annex A controls";
  return "Clauses 4–10 and Annex A controls";
}

std::string priority_text(const std::string& priority) {
  if (priority == "stage1") return "Stage 1 audit";
  if (priority == "documented_information") return "Documented information";
  return "Other";
}

json::object assessment_report(const AssessmentReportInput& in) {
  const auto& a = in.assessment;
  const auto& r = in.results;
  std::int64_t target = num(r, "target_maturity");

  // One row per item in scope, in document order.
  json::array items;
  std::map<std::string, std::string> owners;
  for (const auto& v : array_at(in.answers, "items")) {
    if (!v.is_object()) continue;
    const auto& ans = v.get_object();
    auto id = string_at(ans, "item_id"), kind = string_at(ans, "kind");
    bool na = ans.contains("not_applicable") && ans.at("not_applicable").is_bool() && ans.at("not_applicable").get_bool();
    bool skipped = ans.contains("skipped") && ans.at("skipped").is_bool() && ans.at("skipped").get_bool();
    auto m = ans.if_contains("maturity");
    bool has_level = m && m->is_int64();
    std::string status = na ? "not_applicable" : has_level ? "answered" : skipped ? "skipped" : "unanswered";
    json::value gap = nullptr;
    if (!na) gap = std::max<std::int64_t>(0, target - (has_level ? m->get_int64() : 0));
    std::string level_text = na ? "N/A" : has_level ? std::to_string(m->get_int64()) : status;
    owners[id] = string_at(ans, "owner");
    items.push_back(json::object{{"item_id", id},
                                 {"kind", kind},
                                 {"group", group_of(kind, id)},
                                 {"title", string_at(ans, "title")},
                                 {"status", status},
                                 {"maturity", has_level ? json::value(m->get_int64()) : json::value(nullptr)},
                                 {"maturity_text", level_text},
                                 {"target", target},
                                 {"gap", gap},
                                 {"owner", string_at(ans, "owner")},
                                 {"notes", string_at(ans, "notes")},
                                 {"justification", string_at(ans, "justification")}});
  }

  json::array top;
  const auto& gaps = array_at(r, "gaps");
  for (std::size_t i = 0; i < gaps.size() && i < kTopGaps; ++i) {
    if (!gaps[i].is_object()) continue;
    const auto& g = gaps[i].get_object();
    bool answered = g.contains("answered") && g.at("answered").is_bool() && g.at("answered").get_bool();
    top.push_back(json::object{{"rank", static_cast<std::int64_t>(i + 1)},
                               {"item_id", string_at(g, "item_id")},
                               {"kind", string_at(g, "kind")},
                               {"title", string_at(g, "title")},
                               {"maturity", num(g, "maturity")},
                               {"maturity_text", answered ? std::to_string(num(g, "maturity")) : "unanswered"},
                               {"target", num(g, "target")},
                               {"gap", num(g, "gap")},
                               {"priority", string_at(g, "priority")},
                               {"owner", owners[string_at(g, "item_id")]}});
  }

  json::array phases;
  for (const auto& v : array_at(in.roadmap, "phases")) {
    if (!v.is_object()) continue;
    const auto& p = v.get_object();
    phases.push_back(json::object{{"phase", num(p, "phase")},
                                  {"name", string_at(p, "name")},
                                  {"actions", num(p, "actions")},
                                  {"start_date", p.contains("start_date") ? p.at("start_date") : json::value(nullptr)},
                                  {"end_date", p.contains("end_date") ? p.at("end_date") : json::value(nullptr)}});
  }

  json::array actions;
  for (const auto& v : array_at(in.roadmap, "actions")) {
    if (!v.is_object()) continue;
    const auto& x = v.get_object();
    actions.push_back(json::object{{"id", string_at(x, "id")},
                                   {"item_id", string_at(x, "item_id")},
                                   {"title", string_at(x, "title")},
                                   {"suggested_action", string_at(x, "suggested_action")},
                                   {"phase", num(x, "phase")},
                                   {"effort", string_at(x, "effort")},
                                   {"start_date", string_at(x, "start_date")},
                                   {"target_date", string_at(x, "target_date")},
                                   {"owner", string_at(x, "owner")},
                                   {"status", string_at(x, "status")}});
  }

  // Phase, then start; the roadmap's own order (audit order) among equals.
  std::stable_sort(actions.begin(), actions.end(), [](const json::value& x, const json::value& y) {
    const auto &a = x.as_object(), &b = y.as_object();
    if (num(a, "phase") != num(b, "phase")) return num(a, "phase") < num(b, "phase");
    return string_at(a, "start_date") < string_at(b, "start_date");
  });

  const auto& readiness = object_at(r, "readiness");
  json::value overall = r.contains("overall_maturity") ? r.at("overall_maturity") : json::value(nullptr);
  json::value percent = readiness.contains("percent") ? readiness.at("percent") : json::value(nullptr);
  json::object summary{
      {"overall_maturity", overall},
      {"overall_maturity_text", maturity_text(overall)},
      {"target_maturity", target},
      {"readiness",
       json::object{{"percent", percent},
                    {"percent_text", percent_text(percent)},
                    {"achieved", num(readiness, "achieved")},
                    {"required", num(readiness, "required")},
                    {"formula", string_at(readiness, "formula")}}},
      {"answered", num(r, "answered")},
      {"total", num(r, "total")},
      {"not_applicable", num(r, "not_applicable")},
      {"gap_count", static_cast<std::int64_t>(gaps.size())},
      {"top_gaps", std::move(top)},
      {"phases", std::move(phases)}};

  return json::object{
      {"report", "gap_assessment"},
      {"framework", "ISO/IEC 42001:2023"},
      {"organization", in.organization},
      {"generated_at", in.generated_at},
      {"assessment",
       json::object{{"id", string_at(a, "id")},
                    {"name", string_at(a, "name")},
                    {"assessment_date", string_at(a, "assessment_date")},
                    {"approach", string_at(a, "approach")},
                    {"approach_text", approach_text(string_at(a, "approach"))},
                    {"target_maturity", num(a, "target_maturity")},
                    {"owner", string_at(a, "owner")},
                    {"status", string_at(a, "status")}}},
      {"summary", std::move(summary)},
      {"by_clause", group_scores(array_at(r, "by_clause"))},
      {"by_area", group_scores(array_at(r, "by_area"))},
      {"items", std::move(items)},
      {"roadmap",
       json::object{{"start_date", in.roadmap.contains("start_date") ? in.roadmap.at("start_date") : json::value(nullptr)},
                    {"capacity", num(in.roadmap, "capacity")},
                    {"actions", std::move(actions)}}}};
}

}  // namespace aims::report
