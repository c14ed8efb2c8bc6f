// The OpenAPI paths and schemas of the field-driven record kinds, generated from the kind registry
// into the served document (GET /api/v1/openapi.json) on top of api/openapi.yaml, whose shared
// components (Record, RecordPage, RecordHistoryPage, Problem, KindList) they refer to. Pure;
// thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>

namespace aims::records {
struct KindSpec;  // domain/records/kind_spec.hpp
}  // namespace aims::records

namespace aims::http {

/// The operationIds of a field-driven kind's operations (e.g. listContextIssue), the same for its
/// generated paths and for its handlers (handlers_records.cpp).
struct RecordOperationIds {
  std::string list, create, get, update, history, archive, restore;
};
RecordOperationIds record_operation_ids(const records::KindSpec& k);

/// Adds every generic kind's paths (x-aims-access: member) and its <Kind>, <Kind>Input and
/// <Kind>Patch schemas to `doc`, and the kinds to the evidence link target types.
void add_record_kinds(boost::json::object& doc);

}  // namespace aims::http
