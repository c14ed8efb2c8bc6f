// Controlled documents (ISO/IEC 42001 5.2, 7.5, A.2): the AI policy and every other document the
// AI management system controls, as a field-driven record kind (title, type, classification,
// owner, approvers, review cycle, acknowledgement and audience). Their versions, approval, review
// and acknowledgements are kept by DocumentService. Immutable; thread-safe.
#pragma once
#include <string>
#include <vector>

#include "domain/records/kind_spec.hpp"

namespace aims::documents {

const records::KindSpec& document_kind();
/// The kinds of a document's versions and acknowledgements (rows under the document's row; no
/// list of their own).
const records::KindSpec& version_kind();
const records::KindSpec& ack_kind();

/// The app roles a document's `audience_roles` text names (comma-separated, trimmed, lower-case).
std::vector<std::string> audience_roles_of(const boost::json::object& doc);

}  // namespace aims::documents
