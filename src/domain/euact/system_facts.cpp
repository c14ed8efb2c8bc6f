#include "domain/euact/system_facts.hpp"

#include <algorithm>

#include "core/json_members.hpp"
#include "core/sentences.hpp"
#include "domain/euact/classification_service.hpp"

namespace aims::euact {
namespace json = boost::json;

namespace {

constexpr const char* kFria = "art27";  // the Art. 27 obligation of the data

/// "provider and deployer", "provider, importer and deployer".
std::string roles_text(const json::array& roles) {
  std::vector<std::string> parts;
  for (const auto& v : roles) {
    auto r = v.is_string() ? std::string(v.as_string()) : std::string();
    std::replace(r.begin(), r.end(), '_', ' ');
    parts.push_back(std::move(r));
  }
  return text::join_and(parts);
}

bool has(const json::array& a, std::string_view v) {
  return std::any_of(a.begin(), a.end(), [&](const json::value& x) { return x.is_string() && x.as_string() == v; });
}

}  // namespace

json::object facts_of(const json::object* saved) {
  if (!saved || !saved->contains("result") || !saved->at("result").is_object())
    return json::object{{"classified", false},
                        {"version", nullptr},
                        {"classified_at", nullptr},
                        {"class", "unclassified"},
                        {"basis", ""},
                        {"roles", json::array{}},
                        {"organization_role", ""},
                        {"obligations", json::array{}},
                        {"fria", json::object{{"required", false},
                                              {"reason", "This AI system is not classified yet — classify it under the EU AI Act "
                                                         "to know whether Art. 27 applies."},
                                              {"conditions", ""}}}};
  const auto& res = saved->at("result").as_object();
  json::array roles = array_at(res, "roles");
  json::array obligations;
  for (const auto& o : array_at(res, "obligations"))
    if (o.is_object()) obligations.push_back(o.as_object().at("id"));
  auto cls = string_at(res, "class");
  auto basis = string_at(res, "basis");
  bool required = has(obligations, kFria);
  auto as = "The saved classification records the organization as " + (roles.empty() ? std::string("without a role") : roles_text(roles)) +
            " of a system classified '" + cls + "'" + (basis.empty() ? std::string() : " (" + basis + ")");
  std::string reason, conditions;
  if (required) {
    reason = as + "; the Art. 27 obligation follows from it.";
    conditions = "Art. 27 falls on deployers of Annex III high-risk systems (other than point 2) that are public bodies or provide "
                 "public services, and on every deployer of a point 5(b) or 5(c) system.";
  } else if (!has(roles, "deployer")) {
    reason = as + "; Art. 27 applies to deployers only.";
  } else {
    reason = as + "; no Art. 27 obligation follows from it.";
  }
  auto version = saved->if_contains("version");
  auto at = saved->if_contains("classified_at");
  return json::object{{"classified", true},
                      {"version", version ? *version : json::value(nullptr)},
                      {"classified_at", at ? *at : json::value(nullptr)},
                      {"class", cls},
                      {"basis", basis},
                      {"roles", std::move(roles)},
                      {"organization_role", string_at(res, "organization_role")},
                      {"obligations", std::move(obligations)},
                      {"fria", json::object{{"required", required}, {"reason", reason}, {"conditions", conditions}}}};
}

json::object system_facts(store::ReadTx& tx, const std::string& org_id, const std::string& system_id) {
  auto r = tx.find_record(org_id, ClassificationService::kKind, "", system_id);
  if (!r) return facts_of(nullptr);
  boost::system::error_code ec;
  auto v = json::parse(r->doc, ec);
  if (ec || !v.is_object()) return facts_of(nullptr);
  return facts_of(&v.as_object());
}

result<std::string> with_classified_roles(store::Store& store, const std::string& org_id, const std::string& items_json) {
  auto items = json::parse(items_json);
  auto st = store.read([&](store::ReadTx& tx) -> status {
    for (auto& v : items.as_array()) {
      auto* o = v.if_object();
      if (!o || o->contains("error") || !o->contains("id") || !o->at("id").is_string()) continue;
      auto facts = system_facts(tx, org_id, std::string(o->at("id").as_string()));
      (*o)["eu_ai_act_roles"] = facts.at("classified").as_bool() ? facts.at("roles") : json::value(nullptr);
    }
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(items);
}

}  // namespace aims::euact
