// The start-up check that a server's audit signing key is the installation's: several servers on
// one PostgreSQL database share one key file (docs/deployment.md, "The signing key"), and a server
// started with another key (a missing file replaced by a new one, a typo in audit_key) must not
// start signing checkpoints that no verifier key of the log accepts. Free functions; thread-safe as
// the store is.
#pragma once
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "store/store.hpp"

namespace aims::ledger {

/// Every organization's latest stored checkpoint must carry a valid signature by `signer`'s key
/// (LogSigner::signed_it). errc::conflict otherwise, naming the organization, the checkpoint's
/// size and this key's ID, and saying what to do. An installation without checkpoints passes.
status check_signing_key(store::Store& store, const LogSigner& signer);

/// For each organization whose log has entries but no checkpoint, signs and stores one of its
/// current size, so that the key is fixed from the first server's start: a server started later
/// with another key fails check_signing_key, and of two servers with different keys starting at
/// once, one loses the race for the checkpoint (one checkpoint per size) and does not start.
/// Returns how many checkpoints were signed; a log that cannot be signed for another reason (it is
/// damaged) is left to the audit API to report.
result<int> fix_signing_key(store::Store& store, const LogSigner& signer, const Clock& clock);

}  // namespace aims::ledger
