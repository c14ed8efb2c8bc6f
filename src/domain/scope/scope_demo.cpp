#include "domain/scope/scope_demo.hpp"

#include "domain/scope/scope_service.hpp"

namespace aims::scope {
namespace json = boost::json;

namespace {

/// Why a demo system is left out of scope, by its name; every other system is in scope.
constexpr std::pair<const char*, const char*> kExcluded[] = {
    {"Insurance claims triage",
     "Run by the insurance joint venture under its own management system; the group only hosts it."},
};

}  // namespace

status seed_demo_scope(store::Store& store, const Clock& clock, const accounts::Actor& actor) {
  Systems systems;
  if (auto st = store.read([&](store::ReadTx& tx) -> status {
        systems = read_systems(tx, actor.org_id);
        return ok();
      });
      !st)
    return st;
  json::array in_scope, out_of_scope;
  for (const auto& [id, s] : systems) {
    const char* reason = nullptr;
    for (auto [name, why] : kExcluded)
      if (s.name == name) reason = why;
    if (reason) out_of_scope.push_back(json::object{{"system_id", id}, {"reason", reason}});
    else in_scope.push_back(json::value(id));
  }
  json::value body = json::object{
      {"units", json::array{"Retail Banking", "Group Risk", "Human Resources", "Digital Channels"}},
      {"sites", json::array{"Frankfurt head office", "Lisbon operations centre"}},
      {"ai_roles", json::array{"provider", "deployer"}},
      {"in_scope", std::move(in_scope)},
      {"out_of_scope", std::move(out_of_scope)},
      {"interfaces", json::array{"Cloud AI provider: hosted language model API, under the supplier contract",
                                 "National credit bureau: credit data received through its API",
                                 "Insurance joint venture: claims data exchanged through the claims portal"}},
      {"boundaries", "Group entities in the EU; the insurance joint venture and its systems are outside the boundary."}};
  ScopeService scope(store, clock);
  auto r = scope.put(actor, body, std::string("\"v0\""));
  if (!r) return r.error();
  return ok();
}

}  // namespace aims::scope
