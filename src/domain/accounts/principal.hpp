// Who is calling, and the organization a request acts on. Values; thread-safe as values are.
#pragma once
#include <string>
#include <vector>

#include "domain/accounts/roles.hpp"
#include "store/store.hpp"

namespace aims::accounts {

/// An authenticated caller.
struct Principal {
  store::User user;
  std::vector<store::Membership> memberships;  // oldest first
  bool via_session = false;                    // cookie session (CSRF applies) rather than API token
  std::string csrf_token;                      // for sessions
  std::string session_token_hash;              // for sessions
  std::string token_scope;                     // for API tokens: "read" or "write"
};

/// The caller acting in one organization: what every service call receives.
struct Actor {
  std::string user_id;
  std::string email;
  std::string org_id;
  std::string org_name;
  Role role = Role::viewer;
};

}  // namespace aims::accounts
