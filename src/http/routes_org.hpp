// The organization settings routes (segregation of duties): everyone reads, admins change.
// OrgSettingsServices is a set of references to services the composition root owns; thread-safe like them.
#pragma once
#include "domain/org/org_settings.hpp"
#include "http/router.hpp"

namespace aims::http {

/// The services the area's handlers call (owned by the composition root, outliving the router).
struct OrgSettingsServices {
  org::OrgSettingsService& org_settings;
};

/// Registers the area's routes (literal paths before the templates of the same prefix).
void register_org_settings_routes(Router& r, OrgSettingsServices s);

}  // namespace aims::http
