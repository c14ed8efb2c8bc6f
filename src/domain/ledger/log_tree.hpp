// An organization's audit log as a Merkle tree inside one store transaction: reading subtree
// hashes (so roots and proofs cost O(log n) reads) and appending an entry with the subtree hashes
// it completes. Free functions over a transaction; used by one thread at a time, as the transaction.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

#include "core/error.hpp"
#include "core/merkle.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "store/store.hpp"

namespace aims::ledger {

/// Thrown by tree_of's source when a subtree hash is missing or malformed: the store was damaged.
class DamagedLog : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The subtree hashes of `org_id`'s log as read through `tx` (valid while tx is).
merkle::NodeSource tree_of(store::ReadTx& tx, const std::string& org_id);

/// Appends `e` (its seq is set to the log's size) to its organization's log in `tx`; returns the
/// seq. errc::internal if the log is damaged.
result<std::int64_t> append_entry(store::WriteTx& tx, Entry e);

}  // namespace aims::ledger
