#include "domain/risk/risk_view.hpp"

#include <algorithm>

#include "domain/records/list_view.hpp"
#include "domain/risk/risk_list_view.hpp"
#include "store/batch_lookups.hpp"

namespace aims::risk {
namespace json = boost::json;

namespace {

int int_of(const json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  return p && p->is_int64() ? static_cast<int>(p->as_int64()) : 1;
}

/// A date field before today (false when null). Dates are YYYY-MM-DD, so text order is date order.
bool before(const json::object& o, std::string_view key, std::string_view today) {
  auto p = o.if_contains(key);
  return p && p->is_string() && std::string_view(p->as_string()) < today;
}

/// A cell that is off the criteria's scales (which the service prevents) is clamped, so that a
/// read never fails.
int clamp(int v, std::size_t max) { return v < 1 ? 1 : v > static_cast<int>(max) ? static_cast<int>(max) : v; }

json::object level_json(const Criteria& c, int level, int l, int i) {
  const auto& lv = c.levels[static_cast<std::size_t>(level)];
  return json::object{{"likelihood", l},
                      {"impact", i},
                      {"score", l * i},
                      {"level", json::object{{"id", lv.id}, {"name", lv.name}, {"colour", lv.colour}}}};
}

}  // namespace

std::string_view Facts::text(std::string_view key) const {
  auto p = doc->if_contains(key);
  return p && p->is_string() ? std::string_view(p->as_string()) : std::string_view();
}

Facts facts_of(const store::RecordRow& row, const json::object& doc, const Criteria& c, Date today, const SystemNames& names) {
  Facts f;
  f.row = &row;
  f.doc = &doc;
  f.number = row.position;
  f.il = clamp(int_of(doc, "inherent_likelihood"), c.likelihood.size());
  f.ii = clamp(int_of(doc, "inherent_impact"), c.impact.size());
  f.rl = clamp(int_of(doc, "residual_likelihood"), c.likelihood.size());
  f.ri = clamp(int_of(doc, "residual_impact"), c.impact.size());
  f.inherent_level = level_of(c, f.il, f.ii);
  f.residual_level = level_of(c, f.rl, f.ri);
  static const json::value none = nullptr;
  auto acc = doc.if_contains("acceptance");
  f.acceptance = acceptance_state(acc ? *acc : none, c, f.rl, f.ri, today);
  f.status = f.text("status");
  auto day = format_date(today);
  f.review_overdue = f.status != "closed" && before(doc, "review_date", day);
  f.treatment_overdue = (f.status == "open" || f.status == "treating") && before(doc, "due_date", day);
  if (!row.ref.empty())
    if (auto n = names.find(row.ref); n != names.end()) f.system_name = n->second;
  return f;
}

namespace {

/// The document members facts_of reads: a stored list view keeps them as its inputs.
constexpr std::string_view kFactInputs[] = {"inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact",
                                             "acceptance",          "status",          "review_date",         "due_date"};

/// The members of a served risk worked out under the criteria, today's date and the systems' names.
json::object derived_members(const Facts& f, const Criteria& c) {
  return json::object{{"system_name", f.system_name.empty() ? json::value(nullptr) : json::value(f.system_name)},
                      {"inherent", level_json(c, f.inherent_level, f.il, f.ii)},
                      {"residual", level_json(c, f.residual_level, f.rl, f.ri)},
                      {"acceptance_state", state_name(f.acceptance)},
                      {"review_overdue", f.review_overdue},
                      {"treatment_overdue", f.treatment_overdue}};
}

/// The served risk of a row and its document with the derived members `d` in their places.
json::object view_with(const store::RecordRow& row, const json::object& doc, const json::object& d) {
  json::object v(doc.size() + 16);
  v["id"] = row.id;
  v["number"] = row.position;
  for (const auto& kv : doc)
    if (kv.key() != "created_by" && kv.key() != "updated_by") v[kv.key()] = kv.value();
  v["system_name"] = d.at("system_name");
  v["inherent"] = d.at("inherent");
  v["residual"] = d.at("residual");
  if (!v.contains("acceptance")) v["acceptance"] = nullptr;
  v["acceptance_state"] = d.at("acceptance_state");
  v["review_overdue"] = d.at("review_overdue");
  v["treatment_overdue"] = d.at("treatment_overdue");
  v["version"] = row.version;
  v["created_at"] = row.created_at;
  v["updated_at"] = row.updated_at;
  v["created_by"] = doc.contains("created_by") ? doc.at("created_by") : json::value("");
  v["updated_by"] = doc.contains("updated_by") ? doc.at("updated_by") : json::value("");
  return v;
}

}  // namespace

json::object view_of(const store::RecordRow& row, const Criteria& c, Date today, const SystemNames& names) {
  auto doc = json::parse(row.doc).as_object();
  return view_with(row, doc, derived_members(facts_of(row, doc, c, today, names), c));
}

std::string risk_list_view(const store::RecordRow& row, const json::object& doc) {
  static const std::initializer_list<std::string_view> kDerived = {"system_name",      "inherent",       "residual",
                                                                        "acceptance_state", "review_overdue", "treatment_overdue"};
  json::object holes;
  for (std::string_view k : kDerived) holes[k] = nullptr;
  json::object inputs;
  for (std::string_view k : kFactInputs)
    if (auto p = doc.if_contains(k)) inputs[k] = *p;
  return records::make_list_view(view_with(row, doc, holes), kDerived, inputs);
}

json::object list_holes(const store::RecordRow& row, const json::object& inputs, const Criteria& c, Date today,
                        const SystemNames& names) {
  return derived_members(facts_of(row, inputs, c, today, names), c);
}

SystemNames system_names(store::ReadTx& tx, const std::string& org_id, const std::vector<store::RecordRow>& rows) {
  std::vector<std::string> ids;
  for (const auto& r : rows)
    if (!r.ref.empty()) ids.push_back(r.ref);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  SystemNames out;
  for (const auto& s : store::systems_by_id(tx, org_id, ids)) {  // one query for all the rows' systems
    auto d = json::parse(s.doc).as_object();
    out[s.id] = std::string(d.at("name").as_string());
  }
  return out;
}

}  // namespace aims::risk
