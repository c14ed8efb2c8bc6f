// The periodic scan of time-based events (docs/notifications.md): run by the server's delivery
// worker, it asks the place that already derives each fact — today the action index's "overdue"
// (an open or in-progress action due before today, store::ActionQuery::overdue_on) — and queues
// one event per occurrence. What it has sent is marked in the database (notification_sent: the
// organization, the occurrence's key, the recipient), inside the transaction that queues the
// event, so that an occurrence is sent once, also with several servers scanning. Thread-safe.
#pragma once
#include <cstdint>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "store/store.hpp"

namespace aims::notify {

/// Scans every organization that has a webhook; returns the number of events queued.
result<std::int64_t> scan_due_events(store::Store& store, const Clock& clock, IdSource& ids, int max_attempts);

}  // namespace aims::notify
