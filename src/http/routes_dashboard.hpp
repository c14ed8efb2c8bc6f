// The dashboard route: every card's figures in one answer.
// DashboardServices is a set of references to services the composition root owns; thread-safe like them.
#pragma once
#include "domain/dashboard/dashboard.hpp"
#include "http/router.hpp"

namespace aims::http {

/// The services the area's handlers call (owned by the composition root, outliving the router).
struct DashboardServices {
  dashboard::Dashboard& dashboard;
};

/// Registers the area's routes (literal paths before the templates of the same prefix).
void register_dashboard_routes(Router& r, DashboardServices s);

}  // namespace aims::http
