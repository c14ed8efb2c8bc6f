// The gap assessment area: its service, routes and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"
#include "http/routes_assessments.hpp"

namespace aims::app {

void add_assessments(AreaContext& a) {
  auto& assessments =
      a.services.make<assessment::AssessmentService>(a.infra.store, a.infra.catalog, a.infra.clock, a.infra.ids);
  http::register_assessment_routes(a.router, {assessments});
  dashboard::add_assessment_card(a.dashboard, assessments);
}

}  // namespace aims::app
