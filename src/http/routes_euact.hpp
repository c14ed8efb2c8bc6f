// The EU AI Act routes: the questionnaire, re-checks, system classifications and the obligations register.
// EuActServices is a set of references to services the composition root owns; thread-safe like them.
#pragma once
#include "domain/euact/classification_service.hpp"
#include "domain/euact/obligation_service.hpp"
#include "http/router.hpp"

namespace aims::http {

/// The services the area's handlers call (owned by the composition root, outliving the router).
struct EuActServices {
  euact::ClassificationService& classifications;
  euact::ObligationService& obligations;
};

/// Registers the area's routes (literal paths before the templates of the same prefix).
void register_euact_routes(Router& r, EuActServices s);

}  // namespace aims::http
