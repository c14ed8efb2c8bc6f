// The impact assessment routes: settings, assessments, their workflow, versions, FRIA and export.
// ImpactServices is a set of references to services the composition root owns; thread-safe like them.
#pragma once
#include "domain/impact/impact_service.hpp"
#include "http/router.hpp"

namespace aims::http {

/// The services the area's handlers call (owned by the composition root, outliving the router).
struct ImpactServices {
  impact::ImpactService& impact;
};

/// Registers the area's routes (literal paths before the templates of the same prefix).
void register_impact_routes(Router& r, ImpactServices s);

}  // namespace aims::http
