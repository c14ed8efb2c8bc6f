// The record kinds of the management review (ISO/IEC 42001 9.3; docs/management-review.md):
// management reviews (MR-: planned date, attendees, the three judgements of the conclusion; the
// status, held date, frozen input pack's hash and sign-off are members the review service writes)
// and review actions (MRA-: a decision of a review that is a tracked action). Field-driven kinds;
// immutable; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::review {

const records::KindSpec& management_review_kind();  // MR-
const records::KindSpec& review_action_kind();       // MRA-

/// The facet slot of a review's status (planned | in_progress | signed_off).
inline constexpr store::FacetSlot kReviewStatusSlot = store::FacetSlot::text0;
/// The facet slot of a review action's status (open | in_progress | done | cancelled).
inline constexpr store::FacetSlot kActionStatusSlot = store::FacetSlot::text3;
/// The facet slot of a review action's review (MR-…).
inline constexpr store::FacetSlot kActionReviewSlot = store::FacetSlot::text0;
/// The facet slot of a review action's due date (sortable; empty when none).
inline constexpr store::FacetSlot kActionDueSlot = store::FacetSlot::text5;
/// The facet slot of a review's planned date.
inline constexpr store::FacetSlot kReviewPlannedSlot = store::FacetSlot::text5;

/// The three judgements of a review's conclusion: {field, its text field, the positive value}.
struct Judgement {
  const char* field;
  const char* text_field;
  const char* positive;
  const char* label;
};
const std::vector<Judgement>& judgements();

}  // namespace aims::review
