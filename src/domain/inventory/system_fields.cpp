#include "domain/inventory/system_fields.hpp"

#include <algorithm>
#include <iterator>

#include "core/text.hpp"
#include "domain/inventory/csv.hpp"
#include "domain/records/changes.hpp"
#include "core/json_members.hpp"

namespace aims::inventory {
namespace json = boost::json;

namespace {

constexpr std::string_view kStages[] = {"inception",  "design_and_development",   "verification_and_validation",
                                        "deployment", "operation_and_monitoring", "re_evaluation",
                                        "retirement"};
constexpr std::string_view kClasses[] = {"unclassified",     "minimal",    "transparency",  "high_risk_exempt",
                                         "gpai_model",       "gpai_systemic", "high_risk",   "prohibited"};
// The stored sort key of each class, in the order of kClasses. Rows written before the GPAI and
// derogation classes existed keep "0".."4", so the new classes sort between them by text ("2" <
// "23" < "25" < "27" < "3") without rewriting stored rows.
constexpr std::string_view kClassRanks[] = {"0", "1", "2", "23", "25", "27", "3", "4"};
static_assert(std::size(kClasses) == std::size(kClassRanks));
constexpr std::string_view kStatuses[] = {"planned", "active", "suspended", "retired"};
constexpr std::string_view kRoles[] = {"provider", "producer", "deployer", "customer", "partner", "importer", "distributor"};
constexpr std::string_view kOversight[] = {"unspecified", "human_in_the_loop", "human_on_the_loop", "human_in_command",
                                           "none"};

const FieldSpec kFields[] = {
    {.name = "name", .type = FieldType::line, .max = 200, .required = true},
    {.name = "purpose", .type = FieldType::text, .max = 4000, .required = true},
    {.name = "intended_use", .type = FieldType::text, .max = 4000},
    {.name = "foreseeable_misuse", .type = FieldType::text, .max = 4000},
    {.name = "owner", .type = FieldType::line, .max = 200},
    {.name = "organization_role", .type = FieldType::choice, .choices = kRoles, .default_choice = "deployer"},
    {.name = "lifecycle_stage", .type = FieldType::choice, .choices = kStages, .default_choice = "inception"},
    {.name = "model_type", .type = FieldType::line, .max = 200},
    {.name = "data_sources", .type = FieldType::list, .max = 100},
    {.name = "third_party_components", .type = FieldType::list, .max = 100},
    {.name = "suppliers", .type = FieldType::list, .max = 100},
    {.name = "deployment_context", .type = FieldType::text, .max = 4000},
    {.name = "affected_people", .type = FieldType::list, .max = 100},
    {.name = "human_oversight", .type = FieldType::choice, .choices = kOversight, .default_choice = "unspecified"},
    {.name = "human_oversight_notes", .type = FieldType::text, .max = 4000},
    {.name = "eu_ai_act_class", .type = FieldType::choice, .choices = kClasses, .default_choice = "unclassified"},
    {.name = "eu_ai_act_basis", .type = FieldType::line, .max = 200},
    {.name = "eu_ai_act_rationale", .type = FieldType::text, .max = 4000},
    {.name = "gpai", .type = FieldType::boolean},
    {.name = "status", .type = FieldType::choice, .choices = kStatuses, .default_choice = "planned"},
    {.name = "tags", .type = FieldType::list, .max = 50},
};

constexpr std::string_view kDerived[] = {"eu_ai_act_class", "eu_ai_act_basis", "eu_ai_act_rationale"};

constexpr std::string_view kReadOnly[] = {"id",         "archived",   "version",    "created_at",
                                          "updated_at", "created_by", "updated_by", "scope"};

// Scope membership is the scope record's (clause 4.3), served with each system as `scope`; the
// flag the inventory once stored under this name is refused, and left out when a record is read.
constexpr std::string_view kScopeFlag = "in_scope";
constexpr std::string_view kScopeFlagMessage =
    "is not set on an AI system: scope membership is the AIMS scope's; place the system in or out of scope on "
    "the scope record (the Scope page, /scope, or PUT /api/v1/scope)";

std::size_t item_max(const FieldSpec& f) { return f.name == "tags" ? 100 : 500; }

std::string choices_text(const FieldSpec& f) {
  std::string s;
  for (auto c : f.choices) {
    if (!s.empty()) s += ", ";
    s += c;
  }
  return s;
}

int rank_of(std::span<const std::string_view> list, std::string_view v) {
  auto it = std::find(list.begin(), list.end(), v);
  return it == list.end() ? 0 : static_cast<int>(it - list.begin());
}

}  // namespace

std::span<const FieldSpec> fields() { return kFields; }
std::span<const std::string_view> lifecycle_stages() { return kStages; }
std::span<const std::string_view> eu_ai_act_classes() { return kClasses; }
std::span<const std::string_view> statuses() { return kStatuses; }
std::span<const std::string_view> organization_roles() { return kRoles; }

std::span<const std::string_view> derived_fields() { return kDerived; }

void drop_derived(json::object& changes, const json::object& current, std::vector<FieldError>& errors, int row) {
  for (auto name : kDerived) {
    auto it = changes.find(name);
    if (it == changes.end()) continue;
    const json::value* now = current.if_contains(name);
    if (!now || *now != it->value()) {
      // The class is short enough to name; basis and rationale are long generated text.
      std::string current = name == "eu_ai_act_class" && now && now->is_string()
                                ? " (now '" + std::string(now->as_string()) + "')"
                                : std::string();
      errors.push_back({std::string(name), row,
                        "is set by the EU AI Act classification and cannot be changed here" + current +
                            "; classify the system instead (its Classification page, or PUT "
                            "/api/v1/systems/{id}/classification)"});
    }
    changes.erase(it);
  }
}

std::string_view scope_flag() { return kScopeFlag; }
std::string_view scope_flag_message() { return kScopeFlagMessage; }

const FieldSpec* find_field(std::string_view name) {
  for (const auto& f : kFields)
    if (f.name == name) return &f;
  return nullptr;
}

json::object normalize(const json::object& input, bool creating, std::vector<FieldError>& errors, int row) {
  json::object out;
  auto err = [&](std::string_view field, std::string msg) { errors.push_back({std::string(field), row, std::move(msg)}); };
  for (const auto& kv : input) {
    std::string_view key = kv.key();
    const auto* f = find_field(key);
    if (!f) {
      if (key == kScopeFlag)
        err(key, std::string(kScopeFlagMessage));
      else if (std::find(std::begin(kReadOnly), std::end(kReadOnly), key) != std::end(kReadOnly))
        err(key, "is read-only");
      else
        err(key, "is not a field of an AI system");
      continue;
    }
    const json::value& v = kv.value();
    switch (f->type) {
      case FieldType::line:
      case FieldType::text: {
        if (!v.is_string()) {
          err(key, "must be a string");
          break;
        }
        auto s = text::trim(v.as_string());
        if (!text::is_clean_utf8(s, f->type == FieldType::text)) {
          err(key, f->type == FieldType::line ? "must be one line of text without control characters"
                                              : "must be text without control characters");
          break;
        }
        if (text::utf8_length(s) > f->max) {
          err(key, "must be at most " + std::to_string(f->max) + " characters");
          break;
        }
        if (f->required && s.empty()) {
          err(key, "must not be empty");
          break;
        }
        out[key] = s;
        break;
      }
      case FieldType::choice: {
        if (!v.is_string() ||
            std::find(f->choices.begin(), f->choices.end(), std::string_view(v.as_string())) == f->choices.end()) {
          err(key, "must be one of " + choices_text(*f));
          break;
        }
        out[key] = v;
        break;
      }
      case FieldType::boolean: {
        if (!v.is_bool()) {
          err(key, "must be true or false");
          break;
        }
        out[key] = v;
        break;
      }
      case FieldType::list: {
        if (!v.is_array()) {
          err(key, "must be a list of strings");
          break;
        }
        json::array items;
        bool bad = false;
        for (const auto& e : v.as_array()) {
          if (!e.is_string()) {
            err(key, "must be a list of strings");
            bad = true;
            break;
          }
          auto s = text::trim(e.as_string());
          if (s.empty() || !text::is_clean_utf8(s, false) || text::utf8_length(s) > item_max(*f)) {
            err(key, "each entry must be one line of 1 to " + std::to_string(item_max(*f)) + " characters");
            bad = true;
            break;
          }
          if (std::find_if(items.begin(), items.end(), [&](const json::value& x) { return x.as_string() == s; }) ==
              items.end())
            items.emplace_back(s);
        }
        if (bad) break;
        if (items.size() > f->max) {
          err(key, "must have at most " + std::to_string(f->max) + " entries");
          break;
        }
        out[key] = std::move(items);
        break;
      }
    }
  }
  if (creating)
    for (const auto& f : kFields)
      if (f.required && !input.contains(f.name)) err(f.name, "is required");
  return out;
}

json::object with_defaults(const json::object& given) {
  json::object rec;
  for (const auto& f : kFields) {
    if (auto p = given.if_contains(f.name)) {
      rec[f.name] = *p;
      continue;
    }
    switch (f.type) {
      case FieldType::line:
      case FieldType::text: rec[f.name] = ""; break;
      case FieldType::choice: rec[f.name] = f.default_choice; break;
      case FieldType::boolean: rec[f.name] = f.default_bool; break;
      case FieldType::list: rec[f.name] = json::array(); break;
    }
  }
  return rec;
}

store::SystemRow to_row(const json::object& r, const std::string& org_id) {
  store::SystemRow row;
  row.id = string_at(r, "id");
  row.org_id = org_id;
  row.version = r.at("version").as_int64();
  row.archived = r.at("archived").as_bool();
  row.name_key = text::lower(string_at(r, "name"));
  row.owner_key = text::lower(string_at(r, "owner"));
  row.status = string_at(r, "status");
  row.lifecycle_stage = string_at(r, "lifecycle_stage");
  row.stage_rank = std::to_string(rank_of(kStages, row.lifecycle_stage) + 1);
  row.eu_ai_act_class = string_at(r, "eu_ai_act_class");
  row.class_rank = std::string(kClassRanks[static_cast<std::size_t>(rank_of(kClasses, row.eu_ai_act_class))]);
  row.organization_role = string_at(r, "organization_role");
  std::string search = string_at(r, "name") + "\n" + string_at(r, "purpose") + "\n" + string_at(r, "owner") + "\n" + string_at(r, "model_type");
  if (auto p = r.if_contains("tags"); p && p->is_array())
    for (const auto& t : p->as_array()) search += "\n" + std::string(t.as_string());
  row.search_text = text::lower(search);
  row.created_at = string_at(r, "created_at");
  row.updated_at = string_at(r, "updated_at");
  row.doc = json::serialize(r);
  return row;
}

json::array diff(const json::object& before, const json::object& after) {
  json::array changes;
  for (const auto& f : kFields) records::add_change(changes, before, after, f.name);
  for (std::string_view k : {std::string_view("archived")}) {
    const json::value* a = before.if_contains(k);
    const json::value* b = after.if_contains(k);
    if (a && b && *a != *b) changes.push_back(json::object{{"field", k}, {"from", *a}, {"to", *b}});
  }
  return changes;
}

std::string to_cell(const json::object& record, const FieldSpec& f) {
  const json::value* v = record.if_contains(f.name);
  std::string cell;
  if (!v || v->is_null()) return cell;
  if (v->is_string()) cell = std::string(v->as_string());
  else if (v->is_bool()) cell = v->as_bool() ? "true" : "false";
  else if (v->is_array()) {
    std::vector<std::string> parts;
    for (const auto& e : v->as_array()) parts.emplace_back(e.as_string());
    cell = text::join(parts, "; ");
  }
  return csv::guard(std::move(cell));
}

json::value from_cell(const std::string& raw, const FieldSpec& f, std::string& error) {
  // Undo the export's formula guard (after trimming, which leaves a guarded start alone).
  std::string cell = csv::unguard(text::trim(raw));
  if (cell.empty()) return nullptr;
  switch (f.type) {
    case FieldType::line:
    case FieldType::text:
    case FieldType::choice: return json::value(cell);
    case FieldType::boolean: {
      auto l = text::lower(cell);
      if (l == "true" || l == "yes" || l == "1") return true;
      if (l == "false" || l == "no" || l == "0") return false;
      error = "must be true or false";
      return nullptr;
    }
    case FieldType::list: {
      json::array a;
      for (auto& p : text::split_list(cell, ';')) a.emplace_back(p);
      return a;
    }
  }
  return nullptr;
}

}  // namespace aims::inventory
