// The communication plan (ISO/IEC 42001 7.4, A.8): what the organization communicates, to whom,
// when (on an event or on a schedule), how, who owns it and the A.8 control it serves, as a
// field-driven record kind. Immutable; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::communication {

const records::KindSpec& communication_plan_kind();

/// The audiences of a planned or sent communication.
std::vector<records::EnumValue> audiences();

}  // namespace aims::communication
