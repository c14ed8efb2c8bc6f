// The risk routes: the risk criteria and the AI risk register (heatmap, history, acceptance).
// RiskServices is a set of references to services the composition root owns; thread-safe like them.
#pragma once
#include "domain/risk/criteria_service.hpp"
#include "domain/risk/risk_service.hpp"
#include "http/router.hpp"

namespace aims::http {

/// The services the area's handlers call (owned by the composition root, outliving the router).
struct RiskServices {
  risk::CriteriaService& risk_criteria;
  risk::RiskService& risks;
};

/// Registers the area's routes (literal paths before the templates of the same prefix).
void register_risk_routes(Router& r, RiskServices s);

}  // namespace aims::http
