// The store decorator that makes the audit log complete by construction: every write callback
// runs on an AuditedTx, which appends an audit entry for each record change in the same
// transaction as the change (so an entry is durable exactly when its change is). Reads pass
// through. Owned by the composition root (optionally owning the store it wraps); thread-safe as
// the wrapped store is. The actor of each write is ActorScope::current() of the thread that calls write.
#pragma once
#include <memory>

#include "core/clock.hpp"
#include "store/store.hpp"

namespace aims::ledger {

class AuditedStore final : public store::Store {
 public:
  /// Wraps `inner`, which must outlive this object.
  AuditedStore(store::Store& inner, const Clock& clock) : inner_(inner), clock_(clock) {}
  /// Wraps and owns `inner`.
  AuditedStore(std::unique_ptr<store::Store> inner, const Clock& clock)
      : owned_(std::move(inner)), inner_(*owned_), clock_(clock) {}

  status read(const std::function<status(store::ReadTx&)>& fn) override { return inner_.read(fn); }
  status write(const std::function<status(store::WriteTx&)>& fn) override;
  std::string backend() const override { return inner_.backend(); }
  bool healthy() override { return inner_.healthy(); }

 private:
  std::unique_ptr<store::Store> owned_;
  store::Store& inner_;
  const Clock& clock_;
};

}  // namespace aims::ledger
