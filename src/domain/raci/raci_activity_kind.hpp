// The RACI register (ISO/IEC 42001 5.3, A.3.2): the activities of an AIMS process or of an AI
// system with who is Responsible, Accountable, Consulted and Informed, as a field-driven record
// kind. Exactly one Accountable member per activity; a Responsible who is also the Accountable is
// served as a warning. Immutable; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::raci {

const records::KindSpec& raci_activity_kind();

/// The AIMS processes an activity may belong to, in the order the matrix lists them.
std::vector<records::EnumValue> raci_processes();

}  // namespace aims::raci
