// The AI objectives area: the objective and reading services, operations and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"

namespace aims::app {

void add_objectives(AreaContext& a) {
  auto& objective_service =
      a.services.make<objectives::ObjectiveService>(a.infra.store, a.infra.catalog, a.infra.clock, a.infra.ids);
  auto& readings = a.services.make<objectives::ReadingService>(a.infra.store, a.infra.clock, a.infra.ids);
  auto h = http::bind_services(http::ObjectiveServices{objective_service, readings});
  a.operations.add(AIMS_OPERATIONS(h, objectives_summary, push_objective_readings, list_objectives, create_objective,
                                   get_objective, update_objective, objective_history, list_objective_readings,
                                   add_objective_reading, delete_objective_reading));
  dashboard::add_objectives_card(a.dashboard, objective_service);
}

}  // namespace aims::app
