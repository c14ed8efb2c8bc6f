// Throttles log-ins per client address and per account+client address, with delays that grow
// after a few failures, kept in the database so that every server of an installation shares it.
// Stateless apart from its references; thread-safe (each call is one store transaction).
#pragma once
#include <chrono>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "store/store.hpp"

namespace aims::accounts {

struct ThrottlePolicy {
  int account_free_failures = 5;   // per account and client address
  int client_free_failures = 20;   // per client address, over all accounts
  std::chrono::seconds base_delay{60};       // the first block; doubles with each further failure
  std::chrono::seconds max_delay{15 * 60};   // cap of a block
  std::chrono::seconds forget_after{60 * 60};  // failures older than this start again from zero
};

class LoginThrottle {
 public:
  LoginThrottle(store::Store& store, ThrottlePolicy policy = {}) : store_(store), policy_(policy) {}

  /// Reserves one attempt of `email` from `client` before its password is checked: counts it as a
  /// failure, in one transaction with the check, so concurrent guesses cannot pass the limit.
  /// errc::too_many_requests while a key is blocked; *retry_after is then the seconds to wait.
  status reserve(const std::string& email, const std::string& client, TimePoint now, int* retry_after);
  /// The reserved attempt succeeded: forgets the account's failures from this client and gives the
  /// client's reservation back.
  status succeeded(const std::string& email, const std::string& client, TimePoint now);
  /// The reserved attempt was never checked (no capacity to hash): gives both reservations back.
  status released(const std::string& email, const std::string& client, TimePoint now);

  static std::string account_key(const std::string& email, const std::string& client) {
    return "account:" + email + "|" + client;
  }
  static std::string client_key(const std::string& client) { return "client:" + client; }

 private:
  store::Store& store_;
  ThrottlePolicy policy_;
};

}  // namespace aims::accounts
