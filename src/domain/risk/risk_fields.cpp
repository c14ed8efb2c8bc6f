#include "domain/risk/risk_fields.hpp"

#include <algorithm>

#include "core/date.hpp"
#include "core/text.hpp"
#include "domain/common/input.hpp"
#include "domain/records/changes.hpp"

namespace aims::risk {
namespace json = boost::json;

namespace {

constexpr std::string_view kFields[] = {"title",           "description",       "system_id",         "risk_sources",
                                        "objectives",      "inherent_likelihood", "inherent_impact", "existing_controls",
                                        "treatment",       "treatment_plan",    "planned_controls",  "residual_likelihood",
                                        "residual_impact", "residual_rationale", "owner",            "due_date",
                                        "review_date",     "status"};
constexpr std::string_view kReadOnly[] = {"id",         "number",     "system_name",   "inherent",       "residual",
                                          "acceptance", "acceptance_state", "review_overdue", "treatment_overdue",
                                          "version",    "created_at", "updated_at",    "created_by",     "updated_by"};
constexpr std::string_view kStatuses[] = {"open", "treating", "monitoring", "closed"};
constexpr std::string_view kTreatments[] = {"modify", "avoid", "share", "retain"};

bool contains(std::span<const std::string_view> set, std::string_view v) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

std::string joined(std::span<const std::string_view> set) {
  std::string out;
  for (auto s : set) out += (out.empty() ? "" : ", ") + std::string(s);
  return out;
}

/// Reads one field into `out` (absent fields are left out; null clears the nullable ones).
class FieldReader {
 public:
  FieldReader(const json::object& in, json::object& out, std::vector<FieldError>& errors)
      : in_(in), out_(out), errors_(errors) {}

  void text(std::string_view key, std::size_t max, bool multiline, bool required) {
    auto p = in_.if_contains(key);
    if (!p) return;
    if (!p->is_string()) return error(key, "must be a string");
    auto s = text::trim(p->as_string());
    if (!text::is_clean_utf8(s, multiline))
      return error(key, multiline ? "must be text without control characters"
                                  : "must be one line of text without control characters");
    if (text::utf8_length(s) > max) return error(key, "must be at most " + std::to_string(max) + " characters");
    if (required && s.empty()) return error(key, "must not be empty");
    out_[key] = s;
  }

  void nullable_id(std::string_view key, std::size_t max) {
    auto p = in_.if_contains(key);
    if (!p) return;
    if (p->is_null() || (p->is_string() && text::trim(p->as_string()).empty())) {
      out_[key] = nullptr;
      return;
    }
    if (!p->is_string() || text::utf8_length(p->as_string()) > max || !text::is_clean_utf8(p->as_string(), false))
      return error(key, "must be an id (a string), or null");
    out_[key] = text::trim(p->as_string());
  }

  void step(std::string_view key) {
    auto p = in_.if_contains(key);
    if (!p) return;
    auto n = input::whole_number(*p, 1, kMaxSteps);
    if (!n) return error(key, "must be a whole number from 1 to " + std::to_string(kMaxSteps) + " (a step of the scale)");
    out_[key] = *n;
  }

  void choice(std::string_view key, std::span<const std::string_view> choices, bool nullable) {
    auto p = in_.if_contains(key);
    if (!p) return;
    if (nullable && p->is_null()) {
      out_[key] = nullptr;
      return;
    }
    if (!p->is_string() || !contains(choices, p->as_string()))
      return error(key, "must be one of " + joined(choices) + (nullable ? ", or null" : ""));
    out_[key] = p->as_string();
  }

  void date(std::string_view key) {
    auto p = in_.if_contains(key);
    if (!p) return;
    if (p->is_null() || (p->is_string() && p->as_string().empty())) {
      out_[key] = nullptr;
      return;
    }
    if (!p->is_string() || !parse_date(std::string(p->as_string()))) return error(key, "must be a date as YYYY-MM-DD, or null");
    out_[key] = p->as_string();
  }

  /// A list of distinct one-line strings; `check` returns an error message for a bad entry.
  template <class Check>
  void list(std::string_view key, std::size_t max_items, std::size_t item_max, Check check) {
    auto p = in_.if_contains(key);
    if (!p) return;
    if (!p->is_array()) return error(key, "must be a list of strings");
    json::array items;
    for (const auto& e : p->as_array()) {
      if (!e.is_string()) return error(key, "must be a list of strings");
      auto s = text::trim(e.as_string());
      if (s.empty() || !text::is_clean_utf8(s, false) || text::utf8_length(s) > item_max)
        return error(key, "each entry must be one line of 1 to " + std::to_string(item_max) + " characters");
      if (auto msg = check(s); !msg.empty()) return error(key, msg);
      if (std::find(items.begin(), items.end(), json::value(s)) == items.end()) items.emplace_back(s);
    }
    if (items.size() > max_items) return error(key, "must have at most " + std::to_string(max_items) + " entries");
    out_[key] = std::move(items);
  }

  void error(std::string_view key, std::string message) { errors_.push_back({std::string(key), 0, std::move(message)}); }

 private:
  const json::object& in_;
  json::object& out_;
  std::vector<FieldError>& errors_;
};

int int_field(const json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  return p && p->is_int64() ? static_cast<int>(p->as_int64()) : 0;
}

}  // namespace

std::span<const std::string_view> editable_fields() { return kFields; }
std::span<const std::string_view> statuses() { return kStatuses; }
std::span<const std::string_view> treatments() { return kTreatments; }

bool is_annex_a_ref(std::string_view e) { return e.size() >= 3 && e[0] == 'A' && e[1] == '.' && e[2] >= '0' && e[2] <= '9'; }

json::object read_fields(const json::object& body, bool creating, const catalog::Catalog& cat,
                         std::vector<FieldError>& errors) {
  json::object out;
  FieldReader r(body, out, errors);
  for (const auto& kv : body) {
    std::string_view k = kv.key();
    if (contains(kFields, k)) continue;
    r.error(k, contains(kReadOnly, k) ? "is read-only" : "is not a field of a risk");
  }
  if (creating)
    for (auto k : {"title", "inherent_likelihood", "inherent_impact"})
      if (!body.contains(k)) r.error(k, "is required");
  auto catalog_item = [&cat](std::string_view kind, std::string_view what) {
    return [&cat, kind, what](const std::string& id) -> std::string {
      const auto* it = cat.find("iso42001", id);
      if (it && it->kind == kind) return "";
      return id + " is not " + std::string(what);
    };
  };
  r.text("title", 200, false, true);
  r.text("description", 4000, true, false);
  r.nullable_id("system_id", 100);
  r.list("risk_sources", 7, 20, catalog_item("risk_source", "an Annex C risk source (C.3.1 to C.3.7)"));
  r.list("objectives", 11, 20, catalog_item("ai_objective", "an Annex C objective (C.2.1 to C.2.11)"));
  r.step("inherent_likelihood");
  r.step("inherent_impact");
  r.list("existing_controls", 50, 500, [](const std::string&) { return std::string(); });
  r.choice("treatment", kTreatments, true);
  r.text("treatment_plan", 4000, true, false);
  r.list("planned_controls", 50, 200, [&cat](const std::string& e) -> std::string {
    if (!is_annex_a_ref(e)) return "";  // one of the organization's own controls, by name
    const auto* it = cat.find("iso42001", e);
    if (it && it->kind == "control") return "";
    return e + " is not an Annex A control (entries starting with A. and a digit name Annex A controls)";
  });
  r.step("residual_likelihood");
  r.step("residual_impact");
  r.text("residual_rationale", 2000, true, false);
  r.text("owner", 200, false, false);
  r.date("due_date");
  r.date("review_date");
  r.choice("status", kStatuses, false);
  return out;
}

json::object with_defaults(const json::object& fields) {
  json::object full{{"title", ""},
                    {"description", ""},
                    {"system_id", nullptr},
                    {"risk_sources", json::array()},
                    {"objectives", json::array()},
                    {"inherent_likelihood", 1},
                    {"inherent_impact", 1},
                    {"existing_controls", json::array()},
                    {"treatment", nullptr},
                    {"treatment_plan", ""},
                    {"planned_controls", json::array()},
                    {"residual_likelihood", nullptr},
                    {"residual_impact", nullptr},
                    {"residual_rationale", ""},
                    {"owner", ""},
                    {"due_date", nullptr},
                    {"review_date", nullptr},
                    {"status", "open"}};
  for (const auto& kv : fields) full[kv.key()] = kv.value();
  if (full.at("residual_likelihood").is_null()) full["residual_likelihood"] = full.at("inherent_likelihood");
  if (full.at("residual_impact").is_null()) full["residual_impact"] = full.at("inherent_impact");
  return full;
}

void check_rules(const json::object& risk, const Criteria& c, std::vector<FieldError>& errors) {
  const int nl = static_cast<int>(c.likelihood.size()), ni = static_cast<int>(c.impact.size());
  auto on_scale = [&](std::string_view key, int max, std::string_view scale) {
    int v = int_field(risk, key);
    if (v < 1 || v > max) {
      errors.push_back({std::string(key), 0,
                        "must be from 1 to " + std::to_string(max) + " (the " + std::string(scale) + " scale of the risk criteria)"});
      return false;
    }
    return true;
  };
  bool scales = on_scale("inherent_likelihood", nl, "likelihood");
  scales = on_scale("inherent_impact", ni, "impact") && scales;
  scales = on_scale("residual_likelihood", nl, "likelihood") && scales;
  scales = on_scale("residual_impact", ni, "impact") && scales;
  if (scales && text::trim(risk.at("residual_rationale").as_string()).empty()) {
    if (int_field(risk, "residual_likelihood") > int_field(risk, "inherent_likelihood"))
      errors.push_back({"residual_likelihood", 0,
                        "is above the inherent likelihood; explain why in residual_rationale, or lower it"});
    if (int_field(risk, "residual_impact") > int_field(risk, "inherent_impact"))
      errors.push_back({"residual_impact", 0, "is above the inherent impact; explain why in residual_rationale, or lower it"});
  }
  auto status = risk.at("status").as_string();
  if ((status == "treating" || status == "monitoring") && risk.at("treatment").is_null())
    errors.push_back({"treatment", 0, "choose a treatment option (modify, avoid, share or retain) before the status " +
                                          std::string(status)});
}

json::array diff(const json::object& before, const json::object& after) {
  auto changes = records::changes_of(before, after, kFields);
  records::add_change(changes, before, after, "acceptance");
  return changes;
}

}  // namespace aims::risk
