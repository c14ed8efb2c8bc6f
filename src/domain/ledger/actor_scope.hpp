// Who is changing records, for the audit log: a RAII scope that sets the actor of the current
// thread. The HTTP layer opens one per authenticated request (a request runs wholly on one worker
// thread), CLI commands and the demo seed act as "system" (the default when no scope is open).
// Thread-safe: each thread sees only its own scopes.
#pragma once
#include <string>

namespace aims::ledger {

class ActorScope {
 public:
  explicit ActorScope(std::string actor);
  ~ActorScope();
  ActorScope(const ActorScope&) = delete;
  ActorScope& operator=(const ActorScope&) = delete;

  /// The actor of the innermost open scope of this thread, or "system".
  static const std::string& current();

 private:
  std::string actor_;
  const ActorScope* outer_;
};

}  // namespace aims::ledger
