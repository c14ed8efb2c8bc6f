// The risk routes: the risk criteria and the AI risk register (heatmap, history, acceptance).
// Built once at start-up (see routes_risks.hpp).
#include "http/routes_risks.hpp"

#include "http/handlers.hpp"
#include "http/routes.hpp"

namespace aims::http {

void register_risk_routes(Router& r, RiskServices s) {
  using namespace handlers;
  auto h = bind_services(s);
  // Risk criteria and the AI risk register; the literal heatmap path before the {id} templates.
  r.add("GET", "/api/v1/risk-criteria", Access::member, h(get_risk_criteria));
  r.add("PUT", "/api/v1/risk-criteria", Access::member, h(put_risk_criteria));
  r.add("GET", "/api/v1/risks/heatmap", Access::member, h(risk_heatmap));
  r.add("GET", "/api/v1/risks", Access::member, h(list_risks));
  r.add("POST", "/api/v1/risks", Access::member, h(create_risk));
  r.add("GET", "/api/v1/risks/{id}", Access::member, h(get_risk));
  r.add("PATCH", "/api/v1/risks/{id}", Access::member, h(update_risk));
  r.add("GET", "/api/v1/risks/{id}/history", Access::member, h(risk_history));
  r.add("POST", "/api/v1/risks/{id}/acceptance", Access::member, h(accept_risk));
  r.add("POST", "/api/v1/risks/{id}/acceptance/withdraw", Access::member, h(withdraw_risk_acceptance));
}

}  // namespace aims::http
