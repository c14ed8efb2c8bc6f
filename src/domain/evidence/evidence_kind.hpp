// The evidence vault's records as a generic record kind (docs/records.md): its KindSpec (prefix
// EV-, list parameters and where each is applied, the facets derived from a stored evidence
// record). Links and custody events stay their own kinds. Immutable after first use; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::evidence {

/// The spec of the kind "evidence". Facet slots: text0 title (lower-cased), text1 owner
/// (lower-cased), text2 classification, text3 "true" when deleted ("" otherwise, as for a record
/// whose document cannot be read), text4 expires_on and text5 effective_date ("~" when none: last),
/// text6 size (zero-padded), text7 the id (what linked_to selects); number: the EV- number;
/// uploaded_at is the record's created_at. Ties are ordered by id, as before.
const records::KindSpec& evidence_kind();

}  // namespace aims::evidence
