// AI system impact assessments as a generic record kind (docs/records.md): their KindSpec (numbers
// IA-1, IA-2, …, list parameters and where each is applied, the facets derived from a stored
// assessment). Immutable after first use; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::impact {

/// The spec of the kind "impact_assessment". The ref is the assessed AI system's id (system_id
/// filter; a text search also finds the assessments of AI systems whose name holds it). Facet
/// slots: text0 title (lower-cased), text1 status, text2 status sort key, text3 next review date
/// ("" when none). Ties sort by id, as they always did. In memory (they depend on the
/// organization's thresholds, the AI system now and today's date): outcome, reassessment_due and
/// the sort by outcome. The default sort is -updated_at (the service supplies it).
const records::KindSpec& impact_kind();

}  // namespace aims::impact
