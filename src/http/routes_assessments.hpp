// The gap assessment routes: assessments, answers, results, report, comparison and roadmap.
// AssessmentServices is a set of references to services the composition root owns; thread-safe like them.
#pragma once
#include "domain/assessment/assessment_service.hpp"
#include "http/router.hpp"

namespace aims::http {

/// The services the area's handlers call (owned by the composition root, outliving the router).
struct AssessmentServices {
  assessment::AssessmentService& assessments;
};

/// Registers the area's routes (literal paths before the templates of the same prefix).
void register_assessment_routes(Router& r, AssessmentServices s);

}  // namespace aims::http
