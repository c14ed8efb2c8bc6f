// The AI system inventory area: its service, routes and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"
#include "http/routes_systems.hpp"

namespace aims::app {

void add_systems(AreaContext& a) {
  auto& systems = a.services.make<inventory::SystemService>(a.infra.store, a.infra.clock, a.infra.ids);
  http::register_system_routes(a.router, {systems});
  dashboard::add_systems_card(a.dashboard, systems);
}

}  // namespace aims::app
