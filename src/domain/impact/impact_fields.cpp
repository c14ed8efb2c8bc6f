#include "core/json_members.hpp"
#include "domain/impact/impact_fields.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "domain/common/input.hpp"
#include "domain/impact/impact_rules.hpp"

namespace aims::impact {
namespace json = boost::json;

namespace {

constexpr std::size_t kText = 8000;
constexpr std::size_t kMaxImpacts = 200;
constexpr std::size_t kMaxMeasures = 20;
constexpr std::size_t kMaxParties = 100;

constexpr std::string_view kEditable[] = {
    "title",           "scope",              "assessors",         "next_review_date",
    "purpose",         "intended_uses",      "unintended_uses",   "data_sources",
    "data_quality",    "model_type",         "model_information", "deployment_context",
    "processes",       "period_and_frequency", "human_oversight", "interested_parties",
    "impacts",         "governance_and_complaints",
};

constexpr std::string_view kReadOnly[] = {
    "id",          "ref",        "status",       "version",    "created_at",       "updated_at",
    "created_by",  "updated_by", "approved_version", "approved_at", "approved_by", "system",
    "outcome",     "summary",    "reassessment_due", "fria_required",
};

constexpr std::string_view kTextFields[] = {"scope", "purpose", "intended_uses", "unintended_uses", "data_quality",
                                            "model_information", "deployment_context", "processes",
                                            "period_and_frequency", "human_oversight", "governance_and_complaints"};

/// Moves the errors of a nested reader under `prefix` (e.g. "impacts[2]." + "severity").
void take_errors(input::Reader& in, const std::string& prefix, std::vector<FieldError>& errors) {
  if (in.ok()) return;
  for (auto& e : in.failure("").errors) errors.push_back({prefix + e.field, 0, std::move(e.message)});
}

std::optional<json::array> parse_parties(const json::value& v, std::vector<FieldError>& errors) {
  if (!v.is_array()) {
    errors.push_back({"interested_parties", 0, "must be a list of objects"});
    return std::nullopt;
  }
  if (v.as_array().size() > kMaxParties) {
    errors.push_back({"interested_parties", 0, "must have at most " + std::to_string(kMaxParties) + " entries"});
    return std::nullopt;
  }
  json::array out;
  std::size_t before = errors.size();
  for (std::size_t i = 0; i < v.as_array().size(); ++i) {
    std::string prefix = "interested_parties[" + std::to_string(i) + "].";
    const auto& e = v.as_array()[i];
    if (!e.is_object()) {
      errors.push_back({"interested_parties[" + std::to_string(i) + "]", 0, "must be an object"});
      continue;
    }
    input::Reader in(e.as_object(), {"name", "relation", "vulnerable", "notes"});
    auto name = in.text("name", 200, false, true);
    auto relation = in.choice("relation", {"affected", "user", "oversight", "other"});
    auto vulnerable = in.boolean("vulnerable");
    auto notes = in.text("notes", 2000, true);
    take_errors(in, prefix, errors);
    if (name)
      out.push_back(json::object{{"name", *name},
                                 {"relation", relation.value_or("affected")},
                                 {"vulnerable", vulnerable.value_or(false)},
                                 {"notes", notes.value_or("")}});
  }
  if (errors.size() != before) return std::nullopt;
  return out;
}

std::optional<json::array> parse_measures(const json::value& v, const std::string& where, std::vector<FieldError>& errors) {
  if (!v.is_array()) {
    errors.push_back({where, 0, "must be a list of objects"});
    return std::nullopt;
  }
  if (v.as_array().size() > kMaxMeasures) {
    errors.push_back({where, 0, "must have at most " + std::to_string(kMaxMeasures) + " entries"});
    return std::nullopt;
  }
  json::array out;
  std::size_t before = errors.size();
  for (std::size_t i = 0; i < v.as_array().size(); ++i) {
    std::string at = where + "[" + std::to_string(i) + "]";
    const auto& e = v.as_array()[i];
    if (!e.is_object()) {
      errors.push_back({at, 0, "must be an object"});
      continue;
    }
    input::Reader in(e.as_object(), {"description", "owner", "status"});
    auto description = in.text("description", 2000, true, true);
    auto owner = in.text("owner", 200);
    auto status = in.choice("status", {"planned", "in_progress", "implemented"});
    take_errors(in, at + ".", errors);
    if (description)
      out.push_back(json::object{{"description", *description}, {"owner", owner.value_or("")}, {"status", status.value_or("planned")}});
  }
  if (errors.size() != before) return std::nullopt;
  return out;
}

bool good_row_id(std::string_view id) {
  if (id.empty() || id.size() > 40) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

std::optional<json::array> parse_impacts(const json::value& v, std::vector<FieldError>& errors,
                                         const std::function<std::string()>& mint_id) {
  if (!v.is_array()) {
    errors.push_back({"impacts", 0, "must be a list of objects"});
    return std::nullopt;
  }
  if (v.as_array().size() > kMaxImpacts) {
    errors.push_back({"impacts", 0, "must have at most " + std::to_string(kMaxImpacts) + " entries"});
    return std::nullopt;
  }
  json::array out;
  std::set<std::string> ids;
  std::size_t before = errors.size();
  for (std::size_t i = 0; i < v.as_array().size(); ++i) {
    std::string at = "impacts[" + std::to_string(i) + "]";
    const auto& e = v.as_array()[i];
    if (!e.is_object()) {
      errors.push_back({at, 0, "must be an object"});
      continue;
    }
    const auto& o = e.as_object();
    input::Reader in(o, {"id", "category", "type", "affected_party", "description", "severity", "likelihood", "measures",
                         "score", "level"});
    auto category = in.choice("category", {"individual", "group", "society"});
    auto type = in.choice("type", {"benefit", "harm"});
    auto party = in.text("affected_party", 200, false, true);
    auto description = in.text("description", 4000, true, true);
    auto severity = in.integer("severity", 1, kScaleMax);
    auto likelihood = in.integer("likelihood", 1, kScaleMax);
    for (auto key : {"category", "type", "severity", "likelihood"})
      if (!o.contains(key)) in.error(key, "is required");
    std::string id;
    if (auto p = o.if_contains("id"); p && !p->is_null()) {
      if (!p->is_string() || !good_row_id(p->as_string())) in.error("id", "must be 1 to 40 letters, digits, _ or -");
      else id = std::string(p->as_string());
    }
    take_errors(in, at + ".", errors);
    std::optional<json::array> measures = json::array();
    if (auto m = o.if_contains("measures")) measures = parse_measures(*m, at + ".measures", errors);
    if (!id.empty() && !ids.insert(id).second) errors.push_back({at + ".id", 0, "repeats the id of another entry"});
    if (errors.size() != before) continue;
    if (id.empty()) id = mint_id();
    out.push_back(json::object{{"id", id},
                               {"category", *category},
                               {"type", *type},
                               {"affected_party", *party},
                               {"description", *description},
                               {"severity", *severity},
                               {"likelihood", *likelihood},
                               {"measures", std::move(*measures)}});
  }
  if (errors.size() != before) return std::nullopt;
  return out;
}

}  // namespace

std::span<const std::string_view> editable_fields() { return kEditable; }

json::object normalize(const json::object& input, bool creating, std::vector<FieldError>& errors,
                       const std::function<std::string()>& mint_id) {
  json::object out;
  for (const auto& kv : input) {
    std::string_view k = kv.key();
    if (std::find(std::begin(kEditable), std::end(kEditable), k) != std::end(kEditable)) continue;
    if (k == "system_id" && creating) continue;
    bool ro = k == "system_id" || std::find(std::begin(kReadOnly), std::end(kReadOnly), k) != std::end(kReadOnly);
    errors.push_back({std::string(k), 0, ro ? "is read-only" : "is not a field of an impact assessment"});
  }
  // Simple fields, one reader over the editable members only.
  json::object simple;
  for (auto k : kEditable)
    if (k != "interested_parties" && k != "impacts")
      if (auto p = input.if_contains(k)) simple[k] = *p;
  input::Reader r(simple, {"title", "scope", "assessors", "next_review_date", "purpose", "intended_uses",
                           "unintended_uses", "data_sources", "data_quality", "model_type", "model_information",
                           "deployment_context", "processes", "period_and_frequency", "human_oversight",
                           "governance_and_complaints"});
  if (auto v = r.text("title", 200, false, simple.contains("title"))) out["title"] = *v;
  for (auto k : kTextFields)
    if (auto v = r.text(k, kText, true)) out[k] = *v;
  if (auto v = r.text("model_type", 200)) out["model_type"] = *v;
  if (auto v = r.list("assessors", 20, 200)) out["assessors"] = input::to_array(*v);
  if (auto v = r.list("data_sources", 100, 500)) out["data_sources"] = input::to_array(*v);
  if (auto p = simple.if_contains("next_review_date"); p && p->is_null()) out["next_review_date"] = nullptr;
  else if (auto v = r.date("next_review_date")) out["next_review_date"] = *v;
  take_errors(r, "", errors);
  if (auto p = input.if_contains("interested_parties"))
    if (auto v = parse_parties(*p, errors)) out["interested_parties"] = std::move(*v);
  if (auto p = input.if_contains("impacts"))
    if (auto v = parse_impacts(*p, errors, mint_id)) out["impacts"] = std::move(*v);
  return out;
}

json::object empty_fields() {
  json::object o;
  for (auto k : kEditable) {
    if (k == "assessors" || k == "data_sources" || k == "interested_parties" || k == "impacts") o[k] = json::array();
    else if (k == "next_review_date") o[k] = nullptr;
    else o[k] = "";
  }
  return o;
}

json::object prefill_from(const json::object& system) {
  json::object o;
  o["title"] = "Impact assessment of " + string_at(system, "name");
  o["purpose"] = string_at(system, "purpose");
  o["intended_uses"] = string_at(system, "intended_use");
  o["unintended_uses"] = string_at(system, "foreseeable_misuse");
  if (auto p = system.if_contains("data_sources"); p && p->is_array()) o["data_sources"] = *p;
  o["model_type"] = string_at(system, "model_type");
  o["deployment_context"] = string_at(system, "deployment_context");
  std::string oversight;
  static const std::pair<std::string_view, std::string_view> kOversight[] = {
      {"human_in_the_loop", "Human in the loop: a person confirms or changes each output before it takes effect."},
      {"human_on_the_loop", "Human on the loop: people monitor the system while it runs and can intervene or stop it."},
      {"human_in_command", "Human in command: people decide when and how the system is used and can override it."},
      {"none", "No human oversight is planned."}};
  for (const auto& [k, text] : kOversight)
    if (string_at(system, "human_oversight") == k) oversight = std::string(text);
  if (auto notes = string_at(system, "human_oversight_notes"); !notes.empty()) oversight += (oversight.empty() ? "" : "\n") + notes;
  o["human_oversight"] = oversight;
  json::array parties;
  if (auto p = system.if_contains("affected_people"); p && p->is_array())
    for (const auto& v : p->as_array())
      if (v.is_string())
        parties.push_back(json::object{{"name", v}, {"relation", "affected"}, {"vulnerable", false}, {"notes", ""}});
  o["interested_parties"] = std::move(parties);
  return o;
}

std::vector<FieldError> completeness_problems(const json::object& record) {
  std::vector<FieldError> out;
  auto empty_text = [&](std::string_view k) {
    auto p = record.if_contains(k);
    return !p || !p->is_string() || text::trim(p->as_string()).empty();
  };
  static constexpr std::pair<std::string_view, std::string_view> kNeeded[] = {
      {"scope", "describe what the assessment covers before it goes to review"},
      {"purpose", "state the system's purpose before the assessment goes to review"},
      {"intended_uses", "describe the intended uses before the assessment goes to review"},
      {"deployment_context", "describe the deployment environment before the assessment goes to review"},
  };
  for (const auto& [k, msg] : kNeeded)
    if (empty_text(k)) out.push_back({std::string(k), 0, std::string(msg)});
  auto impacts = record.if_contains("impacts");
  if (!impacts || !impacts->is_array() || impacts->as_array().empty())
    out.push_back({"impacts", 0, "record at least one benefit or harm before the assessment goes to review"});
  return out;
}

}  // namespace aims::impact
