// The AI system inventory routes: list, create, read, update, archive, history, import and export.
// SystemServices is a set of references to services the composition root owns; thread-safe like them.
#pragma once
#include "domain/inventory/system_overview.hpp"
#include "domain/inventory/system_service.hpp"
#include "http/router.hpp"

namespace aims::http {

/// The services the area's handlers call (owned by the composition root, outliving the router).
struct SystemServices {
  inventory::SystemService& systems;
};

/// Registers the area's routes (literal paths before the templates of the same prefix).
void register_system_routes(Router& r, SystemServices s);

/// GET /api/v1/systems/{id}/overview: reads every area's list service, so it is registered after
/// them all (app/areas/system_overview.cpp).
void register_system_overview_route(Router& r, const inventory::OverviewSources& s);

}  // namespace aims::http
