#include "domain/ledger/audited_store.hpp"

#include "domain/ledger/actor_scope.hpp"
#include "domain/ledger/audited_tx.hpp"

namespace aims::ledger {

status AuditedStore::write(const std::function<status(store::WriteTx&)>& fn) {
  return inner_.write([&](store::WriteTx& tx) -> status {
    AuditedTx audited(tx, clock_, ActorScope::current());
    return fn(audited);
  });
}

}  // namespace aims::ledger
