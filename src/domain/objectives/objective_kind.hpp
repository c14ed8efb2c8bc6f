// AI objectives as a generic record kind (docs/records.md): their KindSpec (keys OBJ-1, OBJ-2, …,
// list parameters and where each is applied, the facets derived from a stored objective).
// Immutable after first use; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::objectives {

/// The spec of the kind "objective". Facet slots: text0 title sort key, text1 owner (trimmed,
/// lower-cased), text2 owner sort key, text3 status, text4 status sort key, text5 due date sort
/// key, text6 the AI system's id ("none" for organization-wide objectives), text7 the Annex C
/// objective; sort keys end with the objective's number so that ties keep the order of numbers.
/// In memory (they depend on today's date and on the latest reading, another record):
/// derived_status, overdue and the sort by derived_status.
const records::KindSpec& objective_kind();

}  // namespace aims::objectives
