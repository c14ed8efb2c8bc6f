// Seeds the demo organization's management reviews (docs/management-review.md): today's
// review, attended by the admin (top management), the data steward and the internal auditor,
// started (its input pack frozen), with three decisions (one done), its conclusion and its
// sign-off; and the next review, planned. Runs after the incidents. Stateless; thread-safe.
#pragma once
#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/review/review_service.hpp"
#include "store/store.hpp"

namespace aims::review {

/// `actor` is the demo organization's admin; `objectives` gives the pack its objectives summary.
status seed_demo(store::Store& store, const Clock& clock, const accounts::Actor& actor,
                 ReviewService::ObjectivesSummary objectives = {});

}  // namespace aims::review
