// The one list of record kinds on the record mechanism (docs/records.md): the start-up facet
// backfill, the auditor package's records files, the evidence link targets, the generic routes,
// CLI, OpenAPI paths and GET /api/v1/kinds all read it. Immutable after first use; thread-safe.
#pragma once
#include <string_view>
#include <vector>

#include "domain/records/kind_spec.hpp"

namespace aims::kinds {

/// Every kind, hand-made (e.g. risk) and field-driven, one line each in registry.cpp.
const std::vector<const records::KindSpec*>& all_kinds();

/// The field-driven kinds (KindSpec::generic), in registry order.
const std::vector<const records::KindSpec*>& generic_kinds();

/// The kind named `kind`, or nullptr.
const records::KindSpec* kind_named(std::string_view kind);

}  // namespace aims::kinds
