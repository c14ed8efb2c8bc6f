// Every route of the server, in one place. tests/unit checks this table against api/openapi.yaml.
#include "http/handlers.hpp"

namespace aims::http {

void register_routes(Router& r, const std::string& openapi_json) {
  using namespace handlers;
  r.add("GET", "/healthz", Access::open, health);
  r.add("GET", "/api/v1/openapi.json", Access::open, [openapi_json](Context&) { return json_response(200, openapi_json); });

  r.add("POST", "/api/v1/auth/login", Access::open, login);
  r.add("POST", "/api/v1/auth/logout", Access::user, logout);
  r.add("GET", "/api/v1/me", Access::member, me);

  r.add("GET", "/api/v1/catalog/frameworks", Access::user, list_frameworks);
  r.add("GET", "/api/v1/catalog/maturity-levels", Access::user, list_maturity_levels);
  r.add("GET", "/api/v1/catalog/frameworks/{framework}/items", Access::user, list_catalog_items);
  r.add("GET", "/api/v1/catalog/frameworks/{framework}/items/{item_id}", Access::user, get_catalog_item);

  // Literal paths before the {id} templates.
  r.add("POST", "/api/v1/systems/import", Access::member, import_systems);
  r.add("GET", "/api/v1/systems/export", Access::member, export_systems);
  r.add("GET", "/api/v1/systems", Access::member, list_systems);
  r.add("POST", "/api/v1/systems", Access::member, create_system);
  r.add("GET", "/api/v1/systems/{id}", Access::member, get_system);
  r.add("PATCH", "/api/v1/systems/{id}", Access::member, update_system);
  r.add("POST", "/api/v1/systems/{id}/archive", Access::member, archive_system);
  r.add("POST", "/api/v1/systems/{id}/restore", Access::member, restore_system);
  r.add("GET", "/api/v1/systems/{id}/history", Access::member, system_history);
}

}  // namespace aims::http
