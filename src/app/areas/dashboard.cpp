// The dashboard area: the route of the dashboard the other areas add their cards to.
#include "app/areas/areas.hpp"
#include "http/routes_dashboard.hpp"

namespace aims::app {

void add_dashboard(AreaContext& a) { http::register_dashboard_routes(a.router, {a.dashboard}); }

}  // namespace aims::app
