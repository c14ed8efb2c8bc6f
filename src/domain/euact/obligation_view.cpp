#include "domain/euact/obligation_view.hpp"

#include <algorithm>

#include "domain/euact/obligation_query.hpp"
#include "domain/records/list_view.hpp"
#include "store/batch_lookups.hpp"

namespace aims::euact {
namespace json = boost::json;

std::string system_name(const std::optional<store::SystemRow>& s) {
  if (!s) return "";
  boost::system::error_code ec;
  auto v = json::parse(s->doc, ec);
  return !ec && v.is_object() ? records::doc_text(&v.as_object(), "name") : std::string();
}

std::map<std::string, NamedSystem> named_systems(store::ReadTx& tx, const std::string& org_id, std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  ids.erase(std::remove(ids.begin(), ids.end(), std::string()), ids.end());
  std::map<std::string, NamedSystem> out;
  for (const auto& id : ids) out[id] = NamedSystem{id, "", false, false};
  if (ids.empty()) return out;
  for (const auto& row : store::systems_by_id(tx, org_id, ids)) {  // one query for the page's systems
    auto& n = out[row.id];
    n.found = true;
    n.archived = row.archived;
    n.name = system_name(row);
  }
  return out;
}

json::object system_members(const json::object& doc, const std::optional<store::SystemRow>& sys, const std::string& today) {
  return json::object{{"system_name", system_name(sys)},
                      {"system_class", sys && !sys->eu_ai_act_class.empty() ? sys->eu_ai_act_class : "unclassified"},
                      {"overdue", is_overdue(doc, today)}};
}

json::object obligation_view(const Data& data, const store::RecordRow& r, json::object v, const json::object& m) {
  const Obligation* ob = data.obligation(records::doc_text(&v, "obligation_id"));
  v["system_name"] = m.at("system_name");
  v["system_class"] = m.at("system_class");
  v["version"] = r.version;
  v["created_at"] = r.created_at;
  v["updated_at"] = r.updated_at;
  v["overdue"] = m.at("overdue");
  if (ob) {
    json::array classes, controls, evidence;
    for (const auto& c : ob->classes) classes.emplace_back(c);
    for (const auto& c : ob->iso42001_controls) controls.emplace_back(c);
    for (const auto& e : ob->evidence) evidence.emplace_back(e);
    v["article"] = ob->article;
    v["title"] = ob->title;
    v["summary"] = ob->summary;
    v["classes"] = std::move(classes);
    v["condition"] = ob->condition ? json::value(*ob->condition) : json::value(nullptr);
    v["grace_applies_to"] = v.at("grace_until").is_null() || !ob->grace_applies_to ? json::value(nullptr)
                                                                                    : json::value(*ob->grace_applies_to);
    v["iso42001_controls"] = std::move(controls);
    v["evidence_examples"] = std::move(evidence);
    v["amendment"] = ob->amendment ? json::value(*ob->amendment) : json::value(nullptr);
    v["note"] = ob->note ? json::value(*ob->note) : json::value(nullptr);
  }
  return v;
}

std::string obligation_list_view(const store::RecordRow& row, const json::object& doc) {
  static const Data data = Data::load_embedded();
  static const std::initializer_list<std::string_view> kHoles = {"system_name", "system_class", "overdue", "recheck_needed"};
  const json::object holes{{"system_name", nullptr}, {"system_class", nullptr}, {"overdue", nullptr}};
  auto v = obligation_view(data, row, doc, holes);
  v["recheck_needed"] = nullptr;
  json::object inputs;
  for (std::string_view k : {"retired", "status", "due"})  // what is_overdue reads
    if (auto p = doc.if_contains(k)) inputs[k] = *p;
  return records::make_list_view(v, kHoles, inputs);
}

}  // namespace aims::euact
