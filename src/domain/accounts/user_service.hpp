// Deactivating and reactivating users, and resetting a password on the server: for the API (an
// admin Actor) and for administration on the server (the CLI, by email). A deactivated user keeps
// their memberships but cannot log in, and their sessions and API tokens end at once. Stateless
// apart from its references; thread-safe.
#pragma once
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::accounts {

/// ok, or errc::conflict if `user` is an admin of the organization and no other active admin is
/// left: removing or deactivating them (`verb`) would leave it without one.
status keep_an_admin(store::WriteTx& tx, const std::string& org_id, const store::User& user, std::string_view verb);

class UserService {
 public:
  UserService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// POST /api/v1/org/members/{user}/deactivate (admin): the member (user id or email) of the
  /// caller's organization. forbidden unless the caller is an admin of every organization the user
  /// belongs to; conflict for oneself or the last active admin of any of them. Idempotent.
  status deactivate(const Actor& a, const std::string& user_ref);
  /// POST /api/v1/org/members/{user}/reactivate: the same rules of who may; idempotent.
  status reactivate(const Actor& a, const std::string& user_ref);

  // Administration on the server (CLI), by email.
  status deactivate_by_email(const std::string& email);
  status reactivate_by_email(const std::string& email);
  /// Sets a new password (the password policy applies) and ends all the user's sessions; API
  /// tokens are credentials of their own and stay (aims token list|revoke).
  status reset_password(const std::string& email, const std::string& password);

 private:
  status set_disabled(store::WriteTx& tx, const store::User& u, bool disabled);

  store::Store& store_;
  const Clock& clock_;
};

}  // namespace aims::accounts
