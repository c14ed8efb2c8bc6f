// The dashboard route: every card's figures in one answer.
// Built once at start-up (see routes_dashboard.hpp).
#include "http/routes_dashboard.hpp"

#include "http/handlers.hpp"
#include "http/routes.hpp"

namespace aims::http {

void register_dashboard_routes(Router& r, DashboardServices s) {
  using namespace handlers;
  auto h = bind_services(s);
  // The dashboard's figures in one answer.
  r.add("GET", "/api/v1/dashboard", Access::member, h(get_dashboard));
}

}  // namespace aims::http
