// Controlled documents (ISO/IEC 42001 5.2, 7.5, A.2): the AI policy and every other document the
// AI management system controls, as a field-driven record kind (title, type, classification,
// owner, approvers, review cycle, acknowledgement and audience). Their versions, approval, review
// and acknowledgements are kept by DocumentService. Immutable; thread-safe.
#pragma once
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/records/kind_spec.hpp"
#include "store/store.hpp"

namespace aims::documents {

const records::KindSpec& document_kind();
/// The document facets DocumentService queries: ack_required's filter ("true"/"false") and
/// next_review_date's sort (the date, then the number; dates before today are overdue).
inline constexpr store::FacetSlot kAckRequiredSlot = store::FacetSlot::text3;
inline constexpr store::FacetSlot kReviewDateSlot = store::FacetSlot::text7;
/// The kinds of a document's versions and acknowledgements (rows under the document's row; no
/// list of their own). Their facets (a version's status, an acknowledgement's major version) are
/// re-derived at start-up by backfill_document_facets, as they are not in the kind registry.
const records::KindSpec& version_kind();
const records::KindSpec& ack_kind();

/// The start-up backfill of the versions' and acknowledgements' facets (records::backfill_facets).
status backfill_document_facets(store::Store& store);

/// The app roles a document's `audience_roles` text names (comma-separated, trimmed, lower-case).
std::vector<std::string> audience_roles_of(const boost::json::object& doc);

}  // namespace aims::documents
