// The routes of every field-driven record kind of the registry and GET /api/v1/kinds
// (handlers_records.cpp; docs/records.md). RecordServices is a reference to the service the
// composition root owns; thread-safe like it.
#pragma once
#include "domain/records/record_service.hpp"
#include "http/router.hpp"

namespace aims::http {

/// The service the record handlers call (owned by the composition root, outliving the router).
struct RecordServices {
  records::RecordService& records;
};

/// Registers GET /api/v1/kinds and each kind's list, create, read, update, history, archive and
/// restore routes (handlers_records.cpp).
void register_record_routes(Router& r, RecordServices s);

}  // namespace aims::http
