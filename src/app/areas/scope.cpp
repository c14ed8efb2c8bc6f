// The AIMS scope area (clause 4.3): its service, operations and the scope drift dashboard card,
// shown by the web when an AI system of the inventory is not placed in or out of scope or an
// in-scope one left the inventory.
#include "app/areas/areas.hpp"
#include "http/handlers_scope.hpp"

namespace aims::app {

void add_scope(AreaContext& a) {
  auto& scope = a.services.make<scope::ScopeService>(a.infra.store, a.infra.clock);
  a.operations.add(AIMS_OPERATIONS(http::bind_services(http::ScopeServices{scope}), get_scope, put_scope, submit_scope, approve_scope, reject_scope,
                                   preview_scope, scope_history));
  a.dashboard.add("scope", [&scope](const accounts::Actor& actor) -> result<boost::json::value> {
    auto items = scope.drift_of(actor);
    if (!items) return items.error();
    return boost::json::object{{"drift", items->size()}, {"link", "/scope"}};
  });
}

}  // namespace aims::app
