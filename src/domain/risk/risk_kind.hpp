// The risk register as a generic record kind (docs/records.md): its KindSpec (prefix R-, list
// parameters and where each is applied, the facets derived from a stored risk). Immutable after
// first use; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::risk {

/// The spec of the kind "risk". Facet slots: text0 title key, text1 owner (lower-cased), text2
/// owner sort key, text3 status, text4 status sort key, text5 treatment ("none" when null), text6
/// due date sort key, text7 review date sort key (also what `overdue` compares with today); sort
/// keys end with the risk's number so that ties keep the order of numbers.
const records::KindSpec& risk_kind();

}  // namespace aims::risk
