// API tokens (create with a scope and an expiry, list, revoke) and the removal of members, for the
// API (an Actor) and for administration on the server (the CLI). Stateless apart from its
// references; thread-safe.
#pragma once
#include <boost/json/fwd.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::accounts {

/// What a new token is: its name, scope ("read" or "write") and lifetime in days (nullopt = never).
struct TokenSpec {
  std::string name;
  std::string scope = "write";
  std::optional<int> expires_in_days = 90;
};

/// A token just made: its row, and the token itself (shown once; only its hash is kept).
struct NewToken {
  store::ApiToken row;
  std::string token;
};

class TokenService {
 public:
  TokenService(store::Store& store, const Clock& clock, IdSource& ids) : store_(store), clock_(clock), ids_(ids) {}

  /// POST /api/v1/tokens: a token for the caller. "never" (expires_in_days null) is for admins only.
  result<std::string> create(const Actor& a, const boost::json::value& body);
  /// GET /api/v1/tokens: the caller's tokens; an admin's list holds every member's tokens.
  result<std::string> list(const Actor& a);
  /// DELETE /api/v1/tokens/{id}: the caller's own token, or (admin) a member's; not_found otherwise.
  status revoke(const Actor& a, const std::string& id);
  /// DELETE /api/v1/org/members/{user} (admin): removes the membership (user id or email) and
  /// ends the user's sessions and API tokens; conflict if it would leave the organization without
  /// an admin.
  status remove_member(const Actor& a, const std::string& user);

  // Administration on the server (CLI), by email and organization name.
  result<NewToken> create_for(const std::string& email, const TokenSpec& spec);
  result<std::vector<store::ApiToken>> list_for(const std::string& email);
  status revoke_by_id(const std::string& id);
  status remove_member_of(const std::string& org_name, const std::string& email);

  static boost::json::object token_json(const store::ApiToken& t, TimePoint now);

 private:
  status check_spec(const TokenSpec& spec);
  result<NewToken> insert(const std::string& user_id, const TokenSpec& spec);
  status remove(store::WriteTx& tx, const std::string& org_id, const store::User& user);

  store::Store& store_;
  const Clock& clock_;
  IdSource& ids_;
};

}  // namespace aims::accounts
