// The climate determination (ISO/IEC 42001 clause 4.1 as amended): the organization's recorded
// decision whether climate change is a relevant issue, with its reasoning, who decided and when,
// as a field-driven record kind whose versions keep earlier decisions. Immutable; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::context {

const records::KindSpec& climate_determination_kind();

}  // namespace aims::context
