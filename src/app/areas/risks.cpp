// The risk area: the risk criteria and risk register services, routes and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"
#include "http/routes_risks.hpp"

namespace aims::app {

void add_risks(AreaContext& a) {
  auto& criteria = a.services.make<risk::CriteriaService>(a.infra.store, a.infra.clock);
  auto& risks = a.services.make<risk::RiskService>(a.infra.store, a.infra.catalog, a.infra.clock);
  http::register_risk_routes(a.router, {criteria, risks});
  dashboard::add_risks_card(a.dashboard, risks);
}

}  // namespace aims::app
