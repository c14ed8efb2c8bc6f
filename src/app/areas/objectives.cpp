// The AI objectives area: the objective and reading services, routes and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"
#include "http/routes_objectives.hpp"

namespace aims::app {

void add_objectives(AreaContext& a) {
  auto& objective_service =
      a.services.make<objectives::ObjectiveService>(a.infra.store, a.infra.catalog, a.infra.clock, a.infra.ids);
  auto& readings = a.services.make<objectives::ReadingService>(a.infra.store, a.infra.clock, a.infra.ids);
  http::register_objective_routes(a.router, {objective_service, readings});
  dashboard::add_objectives_card(a.dashboard, objective_service);
}

}  // namespace aims::app
