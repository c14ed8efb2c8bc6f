// Checks an organization's audit log as stored in a database against its signed checkpoints,
// with nothing but public keys (as `aims restore` does with the keys a backup keeps): every
// entry's leaf hash is recomputed from its bytes, and every stored checkpoint must carry a valid
// signature by one of the keys and give the root of that many recomputed leaves. Pure over a read
// transaction; used by one thread at a time, as the transaction.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/signed_note.hpp"
#include "store/store.hpp"

namespace aims::ledger {

struct StoredLogCheck {
  bool ok = true;
  std::int64_t entries = 0;
  std::int64_t checkpoints = 0;  // stored checkpoints that verified
  std::string problem;           // when not ok: the first thing that does not hold
};

/// `keys`: the verifier keys a checkpoint of this log may be signed with (the organization's,
/// and for checkpoints from before organizations had keys, the installation's under its origin).
StoredLogCheck check_stored_log(store::ReadTx& tx, const std::string& org_id, const std::vector<note::Verifier>& keys);

}  // namespace aims::ledger
