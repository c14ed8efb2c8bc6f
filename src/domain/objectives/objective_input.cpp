#include "domain/objectives/objective_input.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "domain/common/input.hpp"
#include "domain/objectives/objective_rules.hpp"

namespace aims::objectives {
namespace json = boost::json;

namespace {

constexpr double kMaxMagnitude = 1e15;

std::string describe_max(std::size_t n) { return "must be at most " + std::to_string(n) + " characters"; }

/// Reads a number field: absent -> nullopt; null -> optional holding nullopt (when nullable).
std::optional<std::optional<double>> number(input::Reader& in, std::string_view key, bool nullable) {
  bool was_null = false;
  auto d = in.number(key, -kMaxMagnitude, kMaxMagnitude, nullable, &was_null);
  if (was_null) return std::optional<double>{};
  if (!d) return std::nullopt;
  return std::optional<double>{*d};
}

json::value opt_number(const std::optional<double>& d) { return d ? number_value(*d) : json::value(nullptr); }

std::optional<double> stored_number(const json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  return p ? to_double(*p) : std::nullopt;
}

/// The plans of an objective: what will be done, with what resources, by whom, by when.
std::optional<json::array> read_plans(input::Reader& in, const json::object& body) {
  auto p = body.if_contains("plans");
  if (!p) return std::nullopt;
  if (!p->is_array()) {
    in.error("plans", "must be a list of plans, each an object with action, resources, responsible and due_date");
    return std::nullopt;
  }
  if (p->as_array().size() > 50) {
    in.error("plans", "must have at most 50 entries");
    return std::nullopt;
  }
  json::array out;
  bool good = true;
  std::size_t i = 0;
  for (const auto& v : p->as_array()) {
    std::string at = "plans[" + std::to_string(i++) + "]";
    if (!v.is_object()) {
      in.error(at, "must be an object with action, resources, responsible and due_date");
      good = false;
      continue;
    }
    const auto& po = v.as_object();
    for (const auto& kv : po) {
      std::string_view k = kv.key();
      if (k != "action" && k != "resources" && k != "responsible" && k != "due_date" && k != "done") {
        in.error(at + "." + std::string(k), "is not a field of a plan");
        good = false;
      }
    }
    json::object plan{{"action", ""}, {"resources", ""}, {"responsible", ""}, {"due_date", nullptr}, {"done", false}};
    auto text_field = [&](const char* key, std::size_t max, bool required) {
      auto f = po.if_contains(key);
      std::string name = at + "." + key;
      if (!f) {
        if (required) in.error(name, "is required: what will be done");
        good = good && !required;
        return;
      }
      if (!f->is_string()) {
        in.error(name, "must be a string");
        good = false;
        return;
      }
      auto s = text::trim(f->as_string());
      if (!text::is_clean_utf8(s, true)) {
        in.error(name, "must be text without control characters");
        good = false;
      } else if (text::utf8_length(s) > max) {
        in.error(name, describe_max(max));
        good = false;
      } else if (required && s.empty()) {
        in.error(name, "must not be empty: say what will be done");
        good = false;
      } else {
        plan[key] = s;
      }
    };
    text_field("action", 1000, true);
    text_field("resources", 1000, false);
    text_field("responsible", 200, false);
    if (auto d = po.if_contains("due_date"); d && !d->is_null()) {
      if (!d->is_string() || !parse_date(std::string(d->as_string()))) {
        in.error(at + ".due_date", "must be a date as YYYY-MM-DD (or null)");
        good = false;
      } else {
        plan["due_date"] = d->as_string();
      }
    }
    if (auto d = po.if_contains("done")) {
      if (!d->is_bool()) {
        in.error(at + ".done", "must be true or false");
        good = false;
      } else {
        plan["done"] = d->as_bool();
      }
    }
    out.push_back(std::move(plan));
  }
  if (!good) return std::nullopt;
  return out;
}

json::object defaults(Date today) {
  return json::object{{"title", ""},
                      {"description", ""},
                      {"annex_c_objective", ""},
                      {"system_id", nullptr},
                      {"measure", ""},
                      {"unit", ""},
                      {"direction", "higher_is_better"},
                      {"target_value", nullptr},
                      {"target_min", nullptr},
                      {"target_max", nullptr},
                      {"warning_threshold", nullptr},
                      {"warning_margin", nullptr},
                      {"frequency", "monthly"},
                      {"owner", ""},
                      {"start_date", format_date(today)},
                      {"due_date", ""},
                      {"status", "active"},
                      {"plans", json::array()},
                      {"risk_refs", json::array()},
                      {"control_refs", json::array()}};
}

}  // namespace

const std::vector<std::string_view>& objective_fields() {
  static const std::vector<std::string_view> kFields{
      "title",  "description",  "annex_c_objective", "system_id",  "measure",   "unit",
      "direction", "target_value", "target_min",    "target_max", "warning_threshold", "warning_margin",
      "frequency", "owner",      "start_date",        "due_date",   "status",    "plans",
      "risk_refs", "control_refs"};
  return kFields;
}

json::value number_value(double v) {
  if (std::trunc(v) == v && std::fabs(v) < 9e15) return static_cast<std::int64_t>(v);
  return v;
}

std::optional<double> to_double(const json::value& v) {
  if (v.is_int64()) return static_cast<double>(v.as_int64());
  if (v.is_uint64()) return static_cast<double>(v.as_uint64());
  if (v.is_double()) return v.as_double();
  return std::nullopt;
}

result<json::object> apply_objective_input(const json::object& body, const json::object& current, bool creating,
                                           const catalog::Catalog& cat, Date today, const SystemCheck& system_check) {
  input::Reader in(body,
                   {"title", "description", "annex_c_objective", "system_id", "measure", "unit", "direction",
                    "target_value", "target_min", "target_max", "warning_threshold", "warning_margin", "frequency",
                    "owner", "start_date", "due_date", "status", "plans", "risk_refs", "control_refs"},
                   {"id", "key", "number", "version", "created_at", "created_by", "updated_at", "updated_by", "derived",
                    "annex_c_title", "system_name", "readings_count"});
  json::object after = creating ? defaults(today) : current;

  if (auto v = in.text("title", 200, false, creating)) after["title"] = *v;
  if (auto v = in.text("description", 4000, true)) after["description"] = *v;
  if (auto v = in.text("measure", 500, true, creating)) after["measure"] = *v;
  if (auto v = in.text("unit", 50)) after["unit"] = *v;
  if (auto v = in.text("owner", 200, false, creating)) after["owner"] = *v;
  if (auto v = in.choice("direction", {"higher_is_better", "lower_is_better", "within_range"})) after["direction"] = *v;
  if (auto v = in.choice("frequency", {"weekly", "monthly", "quarterly", "yearly"})) after["frequency"] = *v;
  if (auto v = in.choice("status", {"active", "achieved", "retired"})) after["status"] = *v;
  if (auto v = in.date("start_date")) after["start_date"] = *v;
  if (auto v = in.date("due_date")) after["due_date"] = *v;
  if (auto v = in.list("risk_refs", 50, 100)) after["risk_refs"] = input::to_array(*v);
  if (auto v = in.list("control_refs", 50, 100)) after["control_refs"] = input::to_array(*v);
  if (auto v = read_plans(in, body)) after["plans"] = std::move(*v);

  // Text fields that must stay non-empty once set.
  for (const char* k : {"title", "measure", "owner"})
    if (!creating && body.contains(k) && after.at(k).is_string() && after.at(k).as_string().empty() &&
        body.at(k).is_string())
      in.error(k, "must not be empty");
  if (creating && !body.contains("due_date")) in.error("due_date", "is required: by when the objective is to be met");

  if (auto p = body.if_contains("annex_c_objective")) {
    const catalog::Item* item = p->is_string() ? cat.find("iso42001", std::string(p->as_string())) : nullptr;
    if (!item || item->kind != "ai_objective")
      in.error("annex_c_objective", "must be an Annex C objective of ISO/IEC 42001, C.2.1 to C.2.11");
    else
      after["annex_c_objective"] = item->id;
  } else if (creating) {
    in.error("annex_c_objective", "is required: the Annex C objective (C.2.1 to C.2.11) this objective serves");
  }

  if (auto p = body.if_contains("system_id")) {
    if (p->is_null() || (p->is_string() && text::trim(p->as_string()).empty())) {
      after["system_id"] = nullptr;
    } else if (!p->is_string()) {
      in.error("system_id", "must be the id of an AI system, or null for the whole organization");
    } else {
      auto id = text::trim(p->as_string());
      // The system already linked stays acceptable even if it was archived since.
      auto linked = current.if_contains("system_id");
      bool unchanged = !creating && linked && linked->is_string() && linked->as_string() == id;
      auto problem = system_check && !unchanged ? system_check(id) : std::nullopt;
      if (problem) in.error("system_id", *problem);
      else after["system_id"] = id;
    }
  }

  // Targets: read what was sent, then check the set the direction needs.
  std::vector<std::string_view> bad;  // number fields already reported
  for (const char* k : {"target_value", "target_min", "target_max", "warning_threshold", "warning_margin"}) {
    if (auto v = number(in, k, true)) after[k] = opt_number(*v);
    else if (body.contains(k)) bad.push_back(k);
  }
  auto reported = [&](std::string_view k) { return std::find(bad.begin(), bad.end(), k) != bad.end(); };
  auto direction = parse_direction(std::string(after.at("direction").as_string()));
  auto sent = [&](const char* k) { auto p = body.if_contains(k); return p && !p->is_null(); };
  auto irrelevant = [&](std::initializer_list<const char*> keys, const char* dir) {
    for (const char* k : keys) {
      if (sent(k)) in.error(k, std::string("does not apply when direction is ") + dir);
      after[k] = nullptr;  // left over from another direction: dropped
    }
  };
  if (direction == Direction::within_range) {
    irrelevant({"target_value", "warning_threshold"}, "within_range");
    auto lo = stored_number(after, "target_min");
    auto hi = stored_number(after, "target_max");
    if (!lo && !reported("target_min")) in.error("target_min", "is required when direction is within_range");
    if (!hi && !reported("target_max")) in.error("target_max", "is required when direction is within_range");
    if (lo && hi && *lo > *hi) in.error("target_max", "must not be below target_min (" + format_number(*lo) + ")");
    if (auto m = stored_number(after, "warning_margin"); m && *m <= 0)
      in.error("warning_margin", "must be more than 0 (or null for no warning band)");
  } else if (direction) {
    const char* dir = *direction == Direction::higher_is_better ? "higher_is_better" : "lower_is_better";
    irrelevant({"target_min", "target_max", "warning_margin"}, dir);
    auto target = stored_number(after, "target_value");
    if (!target && !reported("target_value")) in.error("target_value", std::string("is required when direction is ") + dir);
    if (auto w = stored_number(after, "warning_threshold"); w && target) {
      if (*direction == Direction::higher_is_better && *w >= *target)
        in.error("warning_threshold", "must be below the target (" + format_number(*target) +
                                          ") when higher is better: values between them are at risk");
      if (*direction == Direction::lower_is_better && *w <= *target)
        in.error("warning_threshold", "must be above the target (" + format_number(*target) +
                                          ") when lower is better: values between them are at risk");
    }
  }

  auto start = parse_date(std::string(after.at("start_date").as_string()));
  auto due = parse_date(std::string(after.at("due_date").as_string()));
  if (start && due && *due < *start)
    in.error("due_date", "must be on or after the start date (" + std::string(after.at("start_date").as_string()) + ")");

  if (!in.ok()) return in.failure(creating ? "The objective is not valid." : "The change is not valid.");
  return after;
}

result<ReadingInput> read_reading(const json::object& body, Date today, bool with_objective, int row) {
  std::vector<FieldError> errs;
  auto err = [&](std::string field, std::string msg) { errs.push_back({std::move(field), row, std::move(msg)}); };
  ReadingInput r;
  for (const auto& kv : body) {
    std::string_view k = kv.key();
    if (k == "value" || k == "measured_on" || k == "note" || (with_objective && k == "objective")) continue;
    if (k == "id" || k == "objective_id" || k == "recorded_by" || k == "recorded_at" || k == "status")
      err(std::string(k), "is read-only");
    else
      err(std::string(k), "is not a field of a reading");
  }
  if (with_objective) {
    auto p = body.if_contains("objective");
    if (!p || !p->is_string() || text::trim(p->as_string()).empty())
      err("objective", "is required: the objective's id or key, e.g. OBJ-3");
    else
      r.objective = text::trim(p->as_string());
  }
  if (auto p = body.if_contains("value")) {
    auto d = input::finite_number(*p, -kMaxMagnitude, kMaxMagnitude);
    if (!d) err("value", input::number_range(-kMaxMagnitude, kMaxMagnitude));
    else r.value = *d;
  } else {
    err("value", "is required: the measured value");
  }
  r.measured_on = format_date(today);
  if (auto p = body.if_contains("measured_on"); p && !p->is_null()) {
    std::optional<Date> d = p->is_string() ? parse_date(std::string(p->as_string())) : std::nullopt;
    if (!d) err("measured_on", "must be a date as YYYY-MM-DD");
    else if (*d > today) err("measured_on", "must not be in the future (today is " + format_date(today) + ")");
    else r.measured_on = format_date(*d);
  }
  if (auto p = body.if_contains("note"); p && !p->is_null()) {
    if (!p->is_string()) {
      err("note", "must be a string");
    } else {
      auto s = text::trim(p->as_string());
      if (!text::is_clean_utf8(s, true)) err("note", "must be text without control characters");
      else if (text::utf8_length(s) > 2000) err("note", describe_max(2000));
      else r.note = s;
    }
  }
  if (!errs.empty()) return make_error(errc::validation, "The reading is not valid.", std::move(errs));
  return r;
}

}  // namespace aims::objectives
