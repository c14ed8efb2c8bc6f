// The dashboard area: the operation of the dashboard the other areas add their cards to.
#include "app/areas/areas.hpp"

namespace aims::app {

void add_dashboard(AreaContext& a) {
  a.operations.add(AIMS_OPERATIONS(http::bind_services(http::DashboardServices{a.dashboard}), get_dashboard));
}

}  // namespace aims::app
