// The organization settings area (segregation of duties): its service and operations.
#include "app/areas/areas.hpp"

namespace aims::app {

void add_org_settings(AreaContext& a) {
  auto& settings = a.services.make<org::OrgSettingsService>(a.infra.store, a.infra.clock);
  a.operations.add(
      AIMS_OPERATIONS(http::bind_services(http::OrgSettingsServices{settings}), get_org_settings, put_org_settings));
}

}  // namespace aims::app
