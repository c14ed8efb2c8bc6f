// The schema of a field-driven kind as GET /api/v1/kinds serves it (docs/records.md): its names,
// words, number prefix, clause, fields, filters and sorts, from which the web and the CLI build
// their pages and commands. Pure; thread-safe.
#pragma once
#include <boost/json.hpp>

#include "domain/records/kind_spec.hpp"

namespace aims::records {

/// {"kind","path","cli","noun","title","plural","prefix","clause","can_write","fields","filters",
/// "sorts","text_search"}; can_write says whether the caller's role may create and change records.
boost::json::object kind_schema(const KindSpec& k, bool can_write);

/// The label of a sort key: "Number", "Last changed" or the field's label.
std::string sort_label(const KindSpec& k, const std::string& sort);

}  // namespace aims::records
