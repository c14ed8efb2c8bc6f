// The catalog area: the infrastructure's catalog, its routes and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"
#include "http/routes_catalog.hpp"

namespace aims::app {

void add_catalog(AreaContext& a) {
  http::register_catalog_routes(a.router, {a.infra.catalog});
  dashboard::add_catalog_card(a.dashboard, a.infra.catalog);
}

}  // namespace aims::app
