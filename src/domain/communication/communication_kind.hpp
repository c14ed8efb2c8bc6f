// The communication log (ISO/IEC 42001 7.4, A.8): what was communicated, when, to whom and by
// whom, optionally under an entry of the communication plan, as a field-driven record kind.
// Immutable; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::communication {

const records::KindSpec& communication_kind();

}  // namespace aims::communication
