// The catalog area: the infrastructure's catalog, its operations and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"

namespace aims::app {

void add_catalog(AreaContext& a) {
  auto h = http::bind_services(http::CatalogServices{a.infra.catalog});
  a.operations.add(AIMS_OPERATIONS(h, list_frameworks, list_maturity_levels, list_catalog_items, get_catalog_item));
  dashboard::add_catalog_card(a.dashboard, a.infra.catalog);
}

}  // namespace aims::app
