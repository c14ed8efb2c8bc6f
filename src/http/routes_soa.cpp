// The Statement of Applicability routes: the working copy, its entries, approved versions, diff and export.
// Built once at start-up (see routes_soa.hpp).
#include "http/routes_soa.hpp"

#include "http/handlers.hpp"
#include "http/routes.hpp"

namespace aims::http {

void register_soa_routes(Router& r, SoaServices s) {
  using namespace handlers;
  auto h = bind_services(s);
  // Literal paths before the {control_id} and {n} templates.
  r.add("GET", "/api/v1/soa/diff", Access::member, h(diff_soa));
  r.add("GET", "/api/v1/soa/export", Access::member, h(export_soa));
  r.add("GET", "/api/v1/soa", Access::member, h(get_soa));
  r.add("PATCH", "/api/v1/soa/entries/{control_id}", Access::member, h(update_soa_entry));
  r.add("GET", "/api/v1/soa/versions", Access::member, h(list_soa_versions));
  r.add("POST", "/api/v1/soa/versions", Access::member, h(approve_soa));
  r.add("GET", "/api/v1/soa/versions/{n}", Access::member, h(get_soa_version));
}

}  // namespace aims::http
