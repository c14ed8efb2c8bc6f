// The impact assessment routes: settings, assessments, their workflow, versions, FRIA and export.
// Built once at start-up (see routes_impact.hpp).
#include "http/routes_impact.hpp"

#include "http/handlers.hpp"
#include "http/routes.hpp"

namespace aims::http {

void register_impact_routes(Router& r, ImpactServices s) {
  using namespace handlers;
  auto h = bind_services(s);
  // Impact assessments; the literal settings path before the {id} templates.
  r.add("GET", "/api/v1/impact-assessments/settings", Access::member, h(get_impact_settings));
  r.add("PUT", "/api/v1/impact-assessments/settings", Access::member, h(put_impact_settings));
  r.add("GET", "/api/v1/impact-assessments", Access::member, h(list_impact_assessments));
  r.add("POST", "/api/v1/impact-assessments", Access::member, h(create_impact_assessment));
  r.add("GET", "/api/v1/impact-assessments/{id}", Access::member, h(get_impact_assessment));
  r.add("PATCH", "/api/v1/impact-assessments/{id}", Access::member, h(update_impact_assessment));
  r.add("GET", "/api/v1/impact-assessments/{id}/history", Access::member, h(impact_assessment_history));
  r.add("POST", "/api/v1/impact-assessments/{id}/submit", Access::member, h(submit_impact_assessment));
  r.add("POST", "/api/v1/impact-assessments/{id}/approve", Access::member, h(approve_impact_assessment));
  r.add("GET", "/api/v1/impact-assessments/{id}/versions", Access::member, h(list_impact_versions));
  r.add("GET", "/api/v1/impact-assessments/{id}/versions/{n}", Access::member, h(get_impact_version));
  r.add("GET", "/api/v1/impact-assessments/{id}/fria", Access::member, h(get_impact_fria));
  r.add("GET", "/api/v1/impact-assessments/{id}/export", Access::member, h(export_impact_assessment));
}

}  // namespace aims::http
