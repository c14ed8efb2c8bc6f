// The AI objective routes: objectives, their summary, history and measurement readings.
// Built once at start-up (see routes_objectives.hpp).
#include "http/routes_objectives.hpp"

#include "http/handlers.hpp"
#include "http/routes.hpp"

namespace aims::http {

void register_objective_routes(Router& r, ObjectiveServices s) {
  using namespace handlers;
  auto h = bind_services(s);
  // AI objectives (clause 6.2). Literal paths before the {id} templates.
  r.add("GET", "/api/v1/objectives/summary", Access::member, h(objectives_summary));
  r.add("POST", "/api/v1/objectives/readings", Access::member, h(push_objective_readings));
  r.add("GET", "/api/v1/objectives", Access::member, h(list_objectives));
  r.add("POST", "/api/v1/objectives", Access::member, h(create_objective));
  r.add("GET", "/api/v1/objectives/{id}", Access::member, h(get_objective));
  r.add("PATCH", "/api/v1/objectives/{id}", Access::member, h(update_objective));
  r.add("GET", "/api/v1/objectives/{id}/history", Access::member, h(objective_history));
  r.add("GET", "/api/v1/objectives/{id}/readings", Access::member, h(list_objective_readings));
  r.add("POST", "/api/v1/objectives/{id}/readings", Access::member, h(add_objective_reading));
  r.add("DELETE", "/api/v1/objectives/{id}/readings/{reading_id}", Access::member, h(delete_objective_reading));
}

}  // namespace aims::http
