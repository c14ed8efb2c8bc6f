// The gap assessment routes: assessments, answers, results, report, comparison and roadmap.
// Built once at start-up (see routes_assessments.hpp).
#include "http/routes_assessments.hpp"

#include "http/handlers.hpp"
#include "http/routes.hpp"

namespace aims::http {

void register_assessment_routes(Router& r, AssessmentServices s) {
  using namespace handlers;
  auto h = bind_services(s);
  r.add("GET", "/api/v1/assessments", Access::member, h(list_assessments));
  r.add("POST", "/api/v1/assessments", Access::member, h(create_assessment));
  r.add("GET", "/api/v1/assessments/{id}", Access::member, h(get_assessment));
  r.add("PATCH", "/api/v1/assessments/{id}", Access::member, h(update_assessment));
  r.add("GET", "/api/v1/assessments/{id}/answers", Access::member, h(list_answers));
  r.add("GET", "/api/v1/assessments/{id}/answers/{item_id}", Access::member, h(get_answer));
  r.add("PUT", "/api/v1/assessments/{id}/answers/{item_id}", Access::member, h(put_answer));
  r.add("GET", "/api/v1/assessments/{id}/results", Access::member, h(assessment_results));
  r.add("GET", "/api/v1/assessments/{id}/suggestions", Access::member, h(assessment_suggestions));
  r.add("GET", "/api/v1/assessments/{id}/report", Access::member, h(assessment_report));
  r.add("GET", "/api/v1/assessments/{id}/compare/{other_id}", Access::member, h(compare_assessments));
  r.add("GET", "/api/v1/assessments/{id}/roadmap", Access::member, h(get_roadmap));
  r.add("POST", "/api/v1/assessments/{id}/roadmap", Access::member, h(generate_roadmap));
  r.add("PATCH", "/api/v1/assessments/{id}/roadmap/actions/{action_id}", Access::member, h(update_roadmap_action));
}

}  // namespace aims::http
