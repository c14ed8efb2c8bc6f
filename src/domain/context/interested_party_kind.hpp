// The register of interested parties (ISO/IEC 42001 clause 4.2): who has a stake in the AI
// management system, how much they can influence it and what they need and expect, as a
// field-driven record kind. Immutable; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::context {

const records::KindSpec& interested_party_kind();

}  // namespace aims::context
