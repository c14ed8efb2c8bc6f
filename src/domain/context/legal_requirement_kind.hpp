// The register of legal and contractual obligations (ISO/IEC 42001 clauses 4.1 and 4.2): laws,
// contracts, standards and voluntary commitments the organization's AI must meet, with their
// owner, status and the controls, risks and AI systems concerned, as a field-driven record kind.
// The EU AI Act obligations of each AI system stay in the obligations register and are shown
// beside these entries, never copied. Immutable; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::context {

const records::KindSpec& legal_requirement_kind();

}  // namespace aims::context
