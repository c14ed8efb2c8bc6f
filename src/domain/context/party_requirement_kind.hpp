// The requirements of interested parties (ISO/IEC 42001 clause 4.2): what a party expects, whether
// the organization adopts it as a requirement of the AI management system, whether and how it is
// addressed, and the legal requirements, risks and Annex A controls that address it, as a
// field-driven record kind. Immutable; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::context {

const records::KindSpec& party_requirement_kind();

}  // namespace aims::context
