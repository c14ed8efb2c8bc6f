// The catalog routes: frameworks, maturity levels and catalog items (read-only).
// Built once at start-up (see routes_catalog.hpp).
#include "http/routes_catalog.hpp"

#include "http/handlers.hpp"
#include "http/routes.hpp"

namespace aims::http {

void register_catalog_routes(Router& r, CatalogServices s) {
  using namespace handlers;
  auto h = bind_services(s);
  r.add("GET", "/api/v1/catalog/frameworks", Access::user, h(list_frameworks));
  r.add("GET", "/api/v1/catalog/maturity-levels", Access::user, h(list_maturity_levels));
  r.add("GET", "/api/v1/catalog/frameworks/{framework}/items", Access::user, h(list_catalog_items));
  r.add("GET", "/api/v1/catalog/frameworks/{framework}/items/{item_id}", Access::user, h(get_catalog_item));
}

}  // namespace aims::http
