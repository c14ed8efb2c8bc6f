// The impact assessment area: its service, operations and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"

namespace aims::app {

void add_impact(AreaContext& a) {
  auto& impact_service = a.services.make<impact::ImpactService>(a.infra.store, a.infra.clock, a.infra.ids);
  auto h = http::bind_services(http::ImpactServices{impact_service});
  a.operations.add(AIMS_OPERATIONS(h, get_impact_settings, put_impact_settings, list_impact_assessments,
                                   create_impact_assessment, get_impact_assessment, update_impact_assessment,
                                   impact_assessment_history, submit_impact_assessment, approve_impact_assessment,
                                   list_impact_versions, get_impact_version, get_impact_fria,
                                   export_impact_assessment));
  dashboard::add_impact_card(a.dashboard, impact_service);
}

}  // namespace aims::app
