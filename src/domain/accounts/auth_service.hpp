// Log-in, sessions, API tokens and the choice of organization. Owned by the composition root;
// thread-safe (the store is, and the throttle guards its state with a mutex).
#pragma once
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::accounts {

/// Counts failed log-ins per email and refuses further attempts for a while after too many.
class LoginThrottle {
 public:
  LoginThrottle(int max_failures, std::chrono::seconds window) : max_(max_failures), window_(window) {}
  bool blocked(const std::string& key, TimePoint now);
  void failed(const std::string& key, TimePoint now);
  void succeeded(const std::string& key);

 private:
  struct Entry {
    int failures = 0;
    TimePoint first{};
  };
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
  int max_;
  std::chrono::seconds window_;
};

struct LoginResult {
  std::string session_token;  // goes into the cookie; only its hash is stored
  Principal principal;
};

class AuthService {
 public:
  AuthService(store::Store& store, const Clock& clock, IdSource& ids,
              std::chrono::seconds session_ttl = std::chrono::hours(12));

  result<LoginResult> login(const std::string& email, const std::string& password);
  status logout(const std::string& session_token_hash);
  /// The caller of a session cookie; unauthenticated if unknown or expired.
  result<Principal> from_session(const std::string& session_token);
  /// The caller of an API token; unauthenticated if unknown.
  result<Principal> from_api_token(const std::string& token);
  /// The organization the caller acts on: `requested` if given (must be one of theirs, else
  /// not_found), otherwise their first membership (not_found if they have none).
  static result<Actor> act_as(const Principal& p, const std::optional<std::string>& requested);

 private:
  result<Principal> load_principal(const std::string& user_id);

  store::Store& store_;
  const Clock& clock_;
  IdSource& ids_;
  std::chrono::seconds session_ttl_;
  LoginThrottle throttle_{5, std::chrono::minutes(15)};
};

}  // namespace aims::accounts
