#include "domain/ledger/audited_store.hpp"

#include "domain/ledger/actor_scope.hpp"
#include "domain/ledger/audited_tx.hpp"

namespace aims::ledger {

status AuditedStore::write(const std::function<status(store::WriteTx&)>& fn) {
  // The actor is read here, on the caller's thread, and set again around the callback: the store
  // may run it on another thread (SQLite's group commit runs a group on the thread that leads it).
  const std::string actor = ActorScope::current();
  return inner_.write([&](store::WriteTx& tx) -> status {
    ActorScope scope(actor);
    AuditedTx audited(tx, clock_, actor);
    return fn(audited);
  });
}

}  // namespace aims::ledger
