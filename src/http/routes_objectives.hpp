// The AI objective routes: objectives, their summary, history and measurement readings.
// ObjectiveServices is a set of references to services the composition root owns; thread-safe like them.
#pragma once
#include "domain/objectives/objective_service.hpp"
#include "domain/objectives/reading_service.hpp"
#include "http/router.hpp"

namespace aims::http {

/// The services the area's handlers call (owned by the composition root, outliving the router).
struct ObjectiveServices {
  objectives::ObjectiveService& objectives;
  objectives::ReadingService& readings;
};

/// Registers the area's routes (literal paths before the templates of the same prefix).
void register_objective_routes(Router& r, ObjectiveServices s);

}  // namespace aims::http
