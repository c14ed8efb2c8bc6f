// Installation set-up used by the CLI: organizations, users, memberships, API tokens.
// Stateless apart from its references; thread-safe.
#pragma once
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "store/store.hpp"

namespace aims::accounts {

class AdminService {
 public:
  AdminService(store::Store& store, const Clock& clock, IdSource& ids) : store_(store), clock_(clock), ids_(ids) {}

  /// First set-up of an empty installation: conflict if any organization exists already.
  result<store::Organization> init(const std::string& org_name, const std::string& admin_email,
                                   const std::string& password);
  /// Adds an organization and makes the user (created if new, with this password) its admin.
  result<store::Organization> create_org(const std::string& org_name, const std::string& admin_email,
                                         const std::string& password);
  /// Adds a member to an organization by name; creates the user if new (password required then).
  status add_user(const std::string& org_name, const std::string& email, const std::string& role,
                  const std::string& password);
  /// Creates an API token for the user (write scope, 90 days) and returns it (shown once; only its
  /// hash is kept). More choices: TokenService.
  result<std::string> create_token(const std::string& email, const std::string& name);

  /// The password policy (password_policy.hpp) for this user of this organization.
  static status check_password(const std::string& password, const std::string& email, const std::string& org_name);

 private:
  status add_member(store::WriteTx& tx, const store::Organization& org, const std::string& email,
                    const std::string& role, const std::string& password, const std::string& password_hash);

  store::Store& store_;
  const Clock& clock_;
  IdSource& ids_;
};

}  // namespace aims::accounts
