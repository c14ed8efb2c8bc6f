// The context issues register (ISO/IEC 42001 clause 4.1): the internal and external issues that
// bear on the AI management system, as a field-driven record kind. Immutable; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::context {

const records::KindSpec& context_issue_kind();

}  // namespace aims::context
