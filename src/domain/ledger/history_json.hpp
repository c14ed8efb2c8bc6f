// The JSON of one history row as every history endpoint answers it: version, at, actor,
// operation, changes, and audit_seq (the audit log entry of the change, null for changes made
// before the log existed), with which a client fetches the entry's inclusion proof
// (GET /api/v1/audit/entries/{seq}/proof). Shared by the history endpoints; pure; thread-safe.
#pragma once
#include <boost/json.hpp>

#include "store/store.hpp"

namespace aims::ledger {

boost::json::object history_item(const store::HistoryRow& h);

}  // namespace aims::ledger
