// The OpenAPI paths and schemas of the field-driven record kinds, generated from the kind registry
// into the served document (GET /api/v1/openapi.json) on top of api/openapi.yaml, whose shared
// components (Record, RecordPage, RecordHistoryPage, Problem, KindList) they refer to. Pure;
// thread-safe.
#pragma once
#include <boost/json.hpp>

namespace aims::http {

/// Adds every generic kind's paths and its <Kind>, <Kind>Input and <Kind>Patch schemas to `doc`,
/// and the kinds to the evidence link target types.
void add_record_kinds(boost::json::object& doc);

}  // namespace aims::http
