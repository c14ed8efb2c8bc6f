// The gap assessment area: its service, operations and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"

namespace aims::app {

void add_assessments(AreaContext& a) {
  auto& assessments =
      a.services.make<assessment::AssessmentService>(a.infra.store, a.infra.catalog, a.infra.clock, a.infra.ids);
  auto h = http::bind_services(http::AssessmentServices{assessments});
  a.operations.add(AIMS_OPERATIONS(h, list_assessments, create_assessment, get_assessment, update_assessment,
                                   list_answers, get_answer, put_answer, assessment_results, assessment_suggestions,
                                   assessment_report, compare_assessments, get_roadmap, generate_roadmap,
                                   update_roadmap_action));
  dashboard::add_assessment_card(a.dashboard, assessments);
}

}  // namespace aims::app
