// Makes a KindSpec whose fields say everything (a field-driven, generic kind): its list filters,
// sorts, text search and facet derivation come from the FieldSpecs, `archived` is its one extra
// list parameter, and the generic record service, routes and CLI serve it. Pure; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::records {

/// `k` with filters, sorts ("number" first, then the fields' sort keys in field order, then
/// "updated_at"), text_search, extra_params and facets derived from k.fields, and generic set.
/// Throws std::logic_error for a spec that cannot work (a filter on a refs field, a slot used
/// twice), so that a wrong kind fails at start-up and in the unit tests.
KindSpec field_kind(KindSpec k);

/// The value `archived` of a field-driven kind's record keeps in its row's ref ("archived" or
/// ""), so that lists filter on it without a facet slot.
inline constexpr const char* kArchivedRef = "archived";

}  // namespace aims::records
