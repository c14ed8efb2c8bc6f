#include "domain/impact/fria.hpp"

#include <set>
#include <string>

#include "core/json_members.hpp"
#include "core/text.hpp"
#include "domain/euact/system_facts.hpp"

namespace aims::impact {
namespace json = boost::json;

namespace {

json::object element(std::string_view key, std::string_view title, std::string_view guidance) {
  return json::object{{"key", key},
                      {"reference", "Art. 27(1)(" + std::string(key) + ")"},
                      {"title", title},
                      {"guidance", guidance},
                      {"status", "missing"}};
}

/// A text element: filled from one field of the record.
json::object text_element(std::string_view key, std::string_view title, std::string_view guidance, const json::object& rec,
                          std::string_view field) {
  auto e = element(key, title, guidance);
  auto t = text::trim(string_at(rec, field));
  e["sources"] = json::array{field};
  e["text"] = t;
  if (!t.empty()) e["status"] = "filled";
  return e;
}

}  // namespace

json::object fria_applicability(const json::object& system) {
  auto p = system.if_contains("eu_ai_act");
  auto facts = p && p->is_object() ? p->as_object() : euact::facts_of(nullptr);
  json::object o = facts.at("fria").as_object();
  o["classified"] = facts.at("classified");
  o["classification_version"] = facts.at("version");
  o["roles"] = facts.at("roles");
  o["organization_role"] = facts.at("organization_role");
  o["eu_ai_act_class"] = facts.at("class");
  o["eu_ai_act_basis"] = facts.at("basis");
  return o;
}

json::object derive_fria(const json::object& rec, const json::object& system) {
  json::array elements;
  elements.push_back(text_element("a", "The deployer's processes in which the system is used",
                                  "Describe the business or public processes the system supports, in line with its intended purpose.",
                                  rec, "processes"));
  elements.push_back(text_element("b", "Period and frequency of use",
                                  "Say for how long and how often the system is meant to be used.", rec, "period_and_frequency"));

  // (c) People and groups likely to be affected: the affected interested parties and the parties
  // named in benefits and harms to individuals and groups.
  auto c = element("c", "Categories of natural persons and groups likely to be affected",
                   "List the people and groups the system's use is likely to affect, noting vulnerable groups.");
  json::array persons;
  std::set<std::string> seen;
  for (const auto& v : array_at(rec, "interested_parties")) {
    const auto& p = v.as_object();
    if (string_at(p, "relation") != "affected") continue;
    if (!seen.insert(text::lower(string_at(p, "name"))).second) continue;
    persons.push_back(json::object{{"name", p.at("name")}, {"vulnerable", p.at("vulnerable")}, {"notes", p.at("notes")}, {"source", "interested_parties"}});
  }
  for (const auto& v : array_at(rec, "impacts")) {
    const auto& e = v.as_object();
    if (string_at(e, "category") == "society") continue;
    if (!seen.insert(text::lower(string_at(e, "affected_party"))).second) continue;
    persons.push_back(json::object{{"name", e.at("affected_party")}, {"vulnerable", false}, {"notes", ""}, {"source", "impacts"}});
  }
  c["sources"] = json::array{"interested_parties", "impacts"};
  if (!persons.empty()) c["status"] = "filled";
  c["items"] = std::move(persons);
  elements.push_back(std::move(c));

  // (d) Specific risks of harm to them: the harms.
  auto d = element("d", "Specific risks of harm to those persons and groups",
                   "Record each harm with who bears it, how severe and how likely it is.");
  json::array risks;
  for (const auto& v : array_at(rec, "impacts")) {
    const auto& e = v.as_object();
    if (string_at(e, "type") != "harm") continue;
    json::object r;
    for (auto k : {"id", "category", "affected_party", "description", "severity", "likelihood", "score", "level"})
      if (auto p = e.if_contains(k)) r[k] = *p;
    risks.push_back(std::move(r));
  }
  d["sources"] = json::array{"impacts"};
  if (!risks.empty()) d["status"] = "filled";
  d["items"] = std::move(risks);
  elements.push_back(std::move(d));

  elements.push_back(text_element("e", "Human oversight measures",
                                  "Describe how people oversee the system, following the provider's instructions for use.",
                                  rec, "human_oversight"));

  // (f) Measures if the risks materialise: the measures against harms, and the internal
  // governance and complaint arrangements.
  auto f = element("f", "Measures if the risks materialise, including internal governance and complaint mechanisms",
                   "Name the measures taken when a harm occurs, who governs them internally and how affected people can complain.");
  json::array measures;
  for (const auto& v : array_at(rec, "impacts")) {
    const auto& e = v.as_object();
    if (string_at(e, "type") != "harm") continue;
    for (const auto& m : array_at(e, "measures"))
      measures.push_back(json::object{{"impact_id", e.at("id")},
                                      {"harm", e.at("description")},
                                      {"description", m.at("description")},
                                      {"owner", m.at("owner")},
                                      {"status", m.at("status")}});
  }
  auto governance = text::trim(string_at(rec, "governance_and_complaints"));
  f["sources"] = json::array{"impacts", "governance_and_complaints"};
  f["status"] = !measures.empty() && !governance.empty() ? "filled" : (!measures.empty() || !governance.empty() ? "partial" : "missing");
  f["items"] = std::move(measures);
  f["text"] = governance;
  elements.push_back(std::move(f));

  json::array missing;
  for (const auto& v : elements)
    if (v.at("status").as_string() != "filled") missing.push_back(v.at("key"));
  bool complete = missing.empty();
  return json::object{{"applicability", fria_applicability(system)},
                      {"elements", std::move(elements)},
                      {"complete", complete},
                      {"missing", std::move(missing)}};
}

}  // namespace aims::impact
