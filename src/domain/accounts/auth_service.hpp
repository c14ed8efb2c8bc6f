// Log-in, sessions, API tokens and the choice of organization. Owned by the composition root;
// thread-safe (the store, the throttle and the hashing pool are).
#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/hash_pool.hpp"
#include "domain/accounts/login_throttle.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/accounts/token_service.hpp"
#include "domain/accounts/user_service.hpp"
#include "store/store.hpp"

namespace aims::accounts {

struct LoginResult {
  std::string session_token;  // goes into the cookie; only its hash is stored
  Principal principal;
};

struct AuthOptions {
  std::chrono::seconds session_ttl = std::chrono::hours(12);
  ThrottlePolicy throttle;
  int hash_threads = 2;  // password hashing runs on a pool of its own (64 MiB per running hash)
  int hash_queue = 2;    // log-ins waiting for it; more answer 503 at once
};

class AuthService {
 public:
  AuthService(store::Store& store, const Clock& clock, IdSource& ids, AuthOptions opts = {});

  /// Checks a password typed from `client` (its address). Throttled per client and per account and
  /// client: errc::too_many_requests; errc::unavailable when the hashing pool is full. In both
  /// cases *retry_after is set to the seconds the client should wait.
  result<LoginResult> login(const std::string& email, const std::string& password, const std::string& client,
                            int* retry_after = nullptr);
  status logout(const std::string& session_token_hash);
  /// POST /api/v1/auth/password {current_password, new_password}: the new one must pass the
  /// password policy and differ; a wrong current one is a validation error on current_password,
  /// throttled like a log-in (the same keys). Ends the caller's other sessions; keeps the one
  /// it came with and the API tokens.
  status change_password(const Principal& p, const boost::json::value& body, const std::string& client,
                         int* retry_after = nullptr);
  /// The caller of a session cookie; unauthenticated if unknown or expired.
  result<Principal> from_session(const std::string& session_token);
  /// The caller of an API token; unauthenticated if unknown or expired. Notes the token's
  /// last use at most once a minute (bookkeeping on the credential, not a record change).
  result<Principal> from_api_token(const std::string& token);
  /// The organization the caller acts on: `requested` if given (must be one of theirs, else
  /// not_found), otherwise their first membership (not_found if they have none).
  static result<Actor> act_as(const Principal& p, const std::optional<std::string>& requested);

  TokenService& tokens() { return tokens_; }
  UserService& users() { return users_; }

 private:
  result<Principal> load_principal(const std::string& user_id);
  /// Checks `password` against `stored` on the hashing pool; unavailable when the pool is full.
  result<bool> verify_on_pool(const std::string& stored, const std::string& password);

  store::Store& store_;
  const Clock& clock_;
  IdSource& ids_;
  AuthOptions opts_;
  LoginThrottle throttle_;
  HashPool hashing_;
  TokenService tokens_;
  UserService users_;
};

}  // namespace aims::accounts
