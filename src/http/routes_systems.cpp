// The AI system inventory routes: list, create, read, update, archive, history, import and export.
// Built once at start-up (see routes_systems.hpp).
#include "http/routes_systems.hpp"

#include "http/handlers.hpp"
#include "http/routes.hpp"

namespace aims::http {

void register_system_routes(Router& r, SystemServices s) {
  using namespace handlers;
  auto h = bind_services(s);
  // Literal paths before the {id} templates.
  r.add("POST", "/api/v1/systems/import", Access::member, h(import_systems));
  r.add("GET", "/api/v1/systems/export", Access::member, h(export_systems));
  r.add("GET", "/api/v1/systems", Access::member, h(list_systems));
  r.add("POST", "/api/v1/systems", Access::member, h(create_system));
  r.add("GET", "/api/v1/systems/{id}", Access::member, h(get_system));
  r.add("PATCH", "/api/v1/systems/{id}", Access::member, h(update_system));
  r.add("POST", "/api/v1/systems/{id}/archive", Access::member, h(archive_system));
  r.add("POST", "/api/v1/systems/{id}/restore", Access::member, h(restore_system));
  r.add("GET", "/api/v1/systems/{id}/history", Access::member, h(system_history));
}

void register_system_overview_route(Router& r, const inventory::OverviewSources& s) {
  r.add("GET", "/api/v1/systems/{id}/overview", Access::member, bind_services(s)(handlers::system_overview));
}

}  // namespace aims::http
