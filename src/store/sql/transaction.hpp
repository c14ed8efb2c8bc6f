// Runs a store.hpp read or write callback in one transaction on a Connection, with the retry
// model of aims: a write whose transaction hits a busy database or a serialization failure is
// rolled back and its whole callback run again, a bounded number of times with backoff. A write
// that lost to another write of the same organization instead waits for that organization before
// its next attempt (Connection::wait_for_orgs), so writers of one organization queue, never fail.
#pragma once
#include <chrono>
#include <exception>
#include <vector>

#include "core/error.hpp"
#include "store/sql/connection.hpp"
#include "store/store.hpp"

namespace aims::store::sql {

/// How often and how patiently a write is retried. A value; thread-safe as values are.
struct RetryPolicy {
  int max_attempts = 12;                           // callback runs at most this often
  std::chrono::milliseconds first_backoff{2};      // doubled after each failed attempt ...
  std::chrono::milliseconds max_backoff{200};      // ... up to this, with random jitter
};

/// The status a store.hpp caller sees for a database failure.
Error to_error(const SqlError& e);

/// Runs fn in a read transaction (a consistent snapshot) on c.
status run_read(Connection& c, const std::function<status(ReadTx&)>& fn);

/// Runs fn in a write transaction on c; commits if fn succeeds, rolls back if it fails or throws.
/// Retries the whole transaction on ErrorKind::busy and ErrorKind::serialization.
status run_write(Connection& c, const std::function<status(WriteTx&)>& fn, const RetryPolicy& policy);

/// One write of a group commit: its callback, and how it ended.
struct GroupedWrite {
  const std::function<status(WriteTx&)>* fn = nullptr;
  status result = ok();
  std::exception_ptr thrown;  // what the callback threw, for its caller to rethrow
};

/// Group commit: runs the writes in one write transaction on c, each callback inside its own
/// savepoint, and commits once, so that one sync makes them all durable. A callback that fails
/// (or throws) is rolled back to its savepoint and takes no other write down; its result says
/// why. When this returns, every write whose result is ok is committed. A busy database or a
/// failed commit rolls the whole group back and runs every callback again, as run_write does
/// for one; a commit that fails for good gives every write of the group that error.
void run_write_group(Connection& c, const std::vector<GroupedWrite*>& group, const RetryPolicy& policy);

}  // namespace aims::store::sql
