#include "domain/objectives/objective_records.hpp"

#include <cctype>

#include "core/json_text.hpp"
#include "domain/common/stored.hpp"
#include "domain/records/list_view.hpp"
#include "store/batch_lookups.hpp"
#include "domain/objectives/objective_input.hpp"
#include "core/json_members.hpp"

namespace aims::objectives {
namespace json = boost::json;

namespace {

/// "OBJ-3" for "obj-3", "OBJ-3" or " OBJ-3 "; nullopt if it is not a key.
std::optional<std::string> as_key(const std::string& s) {
  if (s.size() < 5 || s.size() > 16) return std::nullopt;
  std::string up;
  for (char c : s) up += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (up.compare(0, 4, "OBJ-") != 0 || up[4] == '0') return std::nullopt;
  for (std::size_t i = 4; i < up.size(); ++i)
    if (up[i] < '0' || up[i] > '9') return std::nullopt;
  return up;
}

std::optional<double> num(const json::object& o, std::string_view k) {
  auto p = o.if_contains(k);
  return p ? to_double(*p) : std::nullopt;
}

}  // namespace

std::optional<store::RecordRow> find_objective(store::ReadTx& tx, const std::string& org_id, const std::string& id_or_key) {
  if (id_or_key.rfind("obj_", 0) == 0) return tx.find_record(org_id, kObjectiveKind, "", id_or_key);
  auto key = as_key(id_or_key);
  if (!key) return std::nullopt;
  store::RecordFilter f{org_id, kObjectiveKind, std::string(), *key, 1, std::nullopt};
  auto rows = tx.list_records(f);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::optional<store::RecordRow> latest_reading(store::ReadTx& tx, const std::string& org_id, const std::string& objective_id) {
  store::RecordFilter f{org_id, kReadingKind, objective_id, std::string(kLatest), 1, std::nullopt};
  auto rows = tx.list_records(f);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::map<std::string, store::RecordRow> latest_readings(store::ReadTx& tx, const std::string& org_id) {
  store::RecordFilter f{org_id, kReadingKind, std::nullopt, std::string(kLatest), 0, std::nullopt};
  std::map<std::string, store::RecordRow> out;
  for (auto& r : tx.list_records(f)) {
    auto id = r.parent_id;
    out.emplace(std::move(id), std::move(r));
  }
  return out;
}

std::int64_t next_reading_event(store::ReadTx& tx, const std::string& org_id, const std::string& objective_id) {
  auto h = tx.list_history(org_id, kReadingKind, objective_id, 1, std::nullopt);
  return h.empty() ? 1 : h.front().version + 1;
}

std::int64_t reading_position(Date measured_on, std::int64_t sequence) {
  return static_cast<std::int64_t>(measured_on.time_since_epoch().count()) * 1'000'000'000 + sequence;
}

Targets targets_of(const json::object& o) {
  Targets t;
  t.direction = parse_direction(string_at(o, "direction")).value_or(Direction::higher_is_better);
  t.target_value = num(o, "target_value").value_or(0);
  t.target_min = num(o, "target_min").value_or(0);
  t.target_max = num(o, "target_max").value_or(0);
  t.warning_threshold = num(o, "warning_threshold");
  t.warning_margin = num(o, "warning_margin");
  t.unit = string_at(o, "unit");
  return t;
}

std::map<std::string, store::RecordRow> latest_readings_of(store::ReadTx& tx, const std::string& org_id,
                                                           const std::vector<std::string>& ids) {
  std::map<std::string, store::RecordRow> out;
  for (auto& r : store::children_by_parent(tx, org_id, kReadingKind, ids, kLatest)) {
    auto id = r.parent_id;
    out.emplace(std::move(id), std::move(r));
  }
  return out;
}

void SystemNames::read(const std::vector<std::string>& ids) {
  std::vector<std::string> missing;
  for (const auto& id : ids)
    if (!names_.count(id)) missing.push_back(id);
  for (const auto& row : store::systems_by_id(tx_, org_id_, missing)) {
    boost::system::error_code ec;
    auto doc = json::parse(row.doc, ec);
    names_.emplace(row.id, !ec && doc.is_object() ? std::optional<std::string>(string_at(doc.as_object(), "name")) : std::nullopt);
  }
  for (const auto& id : missing) names_.try_emplace(id, std::nullopt);
}

std::optional<std::string> SystemNames::name(const std::string& id) {
  if (auto it = names_.find(id); it != names_.end()) return it->second;
  std::optional<std::string> n;
  if (auto row = tx_.find_system(org_id_, id)) {
    boost::system::error_code ec;
    auto doc = json::parse(row->doc, ec);
    if (!ec && doc.is_object()) n = string_at(doc.as_object(), "name");
  }
  names_.emplace(id, n);
  return n;
}

json::object derived_json(const json::object& o, const std::optional<store::RecordRow>& latest, Date today) {
  auto t = targets_of(o);
  auto freq = parse_frequency(string_at(o, "frequency")).value_or(Frequency::monthly);
  auto start = parse_date(string_at(o, "start_date")).value_or(today);
  std::optional<Latest> l;
  json::value latest_json = nullptr;
  if (latest) {
    auto d = stored::parse_object(latest->doc);
    auto day = parse_date(string_at(d, "measured_on"));
    auto v = num(d, "value");
    if (day && v) {
      l = Latest{*v, *day};
      latest_json = json::object{{"id", latest->id}, {"value", d.at("value")}, {"measured_on", d.at("measured_on")}};
    }
  }
  auto e = evaluate(t, freq, string_at(o, "status") == "active", start, l, today);
  return json::object{{"status", name_of(e.status)},
                      {"formula", e.formula},
                      {"explanation", e.explanation},
                      {"latest_reading", std::move(latest_json)},
                      {"next_reading_due", e.next_reading_due ? json::value(format_date(*e.next_reading_due)) : json::value(nullptr)},
                      {"reading_overdue", e.reading_overdue},
                      {"days_overdue", e.days_overdue}};
}

json::object served_members(const json::object& o, const catalog::Catalog& cat, SystemNames& names,
                            const std::optional<store::RecordRow>& latest, Date today) {
  const auto* item = cat.find("iso42001", string_at(o, "annex_c_objective"));
  json::value system_name = nullptr;
  if (auto s = o.if_contains("system_id"); s && s->is_string())
    if (auto n = names.name(std::string(s->as_string()))) system_name = *n;
  return json::object{{"annex_c_title", item ? item->title : ""},
                      {"system_name", std::move(system_name)},
                      {"derived", derived_json(o, latest, today)}};
}

json::object objective_view(const json::object& o, const catalog::Catalog& cat, SystemNames& names,
                            const std::optional<store::RecordRow>& latest, Date today) {
  json::object v = o;
  for (auto& kv : served_members(o, cat, names, latest, today)) v[kv.key()] = std::move(kv.value());
  return v;
}

std::string objective_list_view(const store::RecordRow& row, const json::object&) {
  const auto o = stored::parse_object(row.doc);  // numbers exactly as the served view reads them
  static const std::initializer_list<std::string_view> kServed = {"annex_c_title", "system_name", "derived"};
  // What served_members reads of the objective (targets_of, derived_json and the two lookups).
  static constexpr std::string_view kInputs[] = {"direction",         "target_value",   "target_min", "target_max",
                                                 "warning_threshold", "warning_margin", "unit",       "frequency",
                                                 "start_date",        "status",         "annex_c_objective", "system_id"};
  json::object v = o;
  for (std::string_view k : kServed) v[k] = nullptr;
  json::object inputs;
  for (std::string_view k : kInputs)
    if (auto p = o.if_contains(k)) inputs[k] = *p;
  return records::make_list_view(v, kServed, inputs, to_json_text);
}

json::object reading_view(const store::RecordRow& r, const Targets& t) {
  auto v = stored::parse_object(r.doc);
  auto value = num(v, "value");
  v["status"] = value ? name_of(classify(t, *value)) : "no_data";
  return v;
}

}  // namespace aims::objectives
