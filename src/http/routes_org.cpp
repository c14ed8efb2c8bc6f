// The organization settings routes (segregation of duties): everyone reads, admins change.
// Built once at start-up (see routes_org.hpp).
#include "http/routes_org.hpp"

#include "http/handlers.hpp"
#include "http/routes.hpp"

namespace aims::http {

void register_org_settings_routes(Router& r, OrgSettingsServices s) {
  using namespace handlers;
  auto h = bind_services(s);
  // Organization settings (segregation of duties): everyone reads, admins change.
  r.add("GET", "/api/v1/org-settings", Access::member, h(get_org_settings));
  r.add("PUT", "/api/v1/org-settings", Access::member, h(put_org_settings));
}

}  // namespace aims::http
