// The EU AI Act routes: the questionnaire, re-checks, system classifications and the obligations register.
// Built once at start-up (see routes_euact.hpp).
#include "http/routes_euact.hpp"

#include "http/handlers.hpp"
#include "http/routes.hpp"

namespace aims::http {

void register_euact_routes(Router& r, EuActServices s) {
  using namespace handlers;
  auto h = bind_services(s);
  r.add("GET", "/api/v1/eu-ai-act/questionnaire", Access::user, h(get_euact_questionnaire));
  r.add("GET", "/api/v1/eu-ai-act/rechecks", Access::member, h(list_euact_rechecks));
  r.add("GET", "/api/v1/systems/{id}/classification", Access::member, h(get_classification));
  r.add("PUT", "/api/v1/systems/{id}/classification", Access::member, h(put_classification));
  r.add("GET", "/api/v1/systems/{id}/classification/history", Access::member, h(classification_history));
  r.add("GET", "/api/v1/obligations", Access::member, h(list_obligations));
  r.add("GET", "/api/v1/obligations/{system_id}/{obligation_id}", Access::member, h(get_obligation));
  r.add("PATCH", "/api/v1/obligations/{system_id}/{obligation_id}", Access::member, h(update_obligation));
}

}  // namespace aims::http
