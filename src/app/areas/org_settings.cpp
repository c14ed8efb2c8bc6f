// The organization settings area (segregation of duties): its service and routes.
#include "app/areas/areas.hpp"
#include "http/routes_org.hpp"

namespace aims::app {

void add_org_settings(AreaContext& a) {
  auto& settings = a.services.make<org::OrgSettingsService>(a.infra.store, a.infra.clock);
  http::register_org_settings_routes(a.router, {settings});
}

}  // namespace aims::app
