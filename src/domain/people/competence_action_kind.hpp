// The actions that close a competence gap (ISO/IEC 42001 7.2 c: "where applicable, take actions to
// acquire the necessary competence"): a person, the competence, the kind of action (training,
// mentoring, hiring, reassignment, other), its due date and status, and whether it closes the
// gap; evidence of its effect is linked from the evidence vault (target competence_action:CA-n).
// A field-driven kind (docs/competence.md); the competence matrix shows a person's open action on
// the gap it closes. Immutable; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::people {

const records::KindSpec& competence_action_kind();  // CA-: an action that gives a person a competence

/// The facet slots the competence matrix reads an action by: its person, competence, status and
/// closes-gap flag ("true"/"false").
inline constexpr store::FacetSlot kActionPersonSlot = store::FacetSlot::text0;
inline constexpr store::FacetSlot kActionStatusSlot = store::FacetSlot::text3;
inline constexpr store::FacetSlot kActionClosesGapSlot = store::FacetSlot::text4;

}  // namespace aims::people
