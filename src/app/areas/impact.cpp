// The impact assessment area: its service, routes and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"
#include "http/routes_impact.hpp"

namespace aims::app {

void add_impact(AreaContext& a) {
  auto& impact_service = a.services.make<impact::ImpactService>(a.infra.store, a.infra.clock, a.infra.ids);
  http::register_impact_routes(a.router, {impact_service});
  dashboard::add_impact_card(a.dashboard, impact_service);
}

}  // namespace aims::app
