// The risk area: the risk criteria and risk register services, operations and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"

namespace aims::app {

void add_risks(AreaContext& a) {
  auto& criteria = a.services.make<risk::CriteriaService>(a.infra.store, a.infra.clock);
  auto& risks = a.services.make<risk::RiskService>(a.infra.store, a.infra.catalog, a.infra.clock);
  auto h = http::bind_services(http::RiskServices{criteria, risks});
  a.operations.add(AIMS_OPERATIONS(h, get_risk_criteria, put_risk_criteria, risk_heatmap, list_risks, create_risk,
                                   get_risk, update_risk, risk_history, accept_risk, withdraw_risk_acceptance));
  dashboard::add_risks_card(a.dashboard, risks);
}

}  // namespace aims::app
