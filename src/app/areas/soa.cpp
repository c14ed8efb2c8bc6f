// The Statement of Applicability area: its service, routes and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"
#include "http/routes_soa.hpp"

namespace aims::app {

void add_soa(AreaContext& a) {
  auto& soa_service = a.services.make<soa::SoaService>(a.infra.store, a.infra.catalog, a.infra.clock);
  http::register_soa_routes(a.router, {soa_service});
  dashboard::add_soa_card(a.dashboard, soa_service);
}

}  // namespace aims::app
