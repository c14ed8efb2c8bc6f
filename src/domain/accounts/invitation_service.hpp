// Invitations to an organization: an admin invites an email with a role and gets a one-time link
// (7 days by default); whoever opens it sets their name and password and joins, or, with an
// account already, joins after logging in. Kept as records of kind "invitation" of the
// organization (only the link's hash is stored), so each change is in its audit log. Stateless
// apart from its references; thread-safe (state is in the store).
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

class InvitationService {
 public:
  static constexpr std::string_view kKind = "invitation";

  InvitationService(store::Store& store, const Clock& clock, IdSource& ids) : store_(store), clock_(clock), ids_(ids) {}

  /// POST /api/v1/org/invitations {email, role, expires_in_days?} (admin): the invitation with its
  /// `token` and `link` (shown once). conflict if the email is a member already.
  result<std::string> create(const Actor& a, const boost::json::value& body);
  /// GET /api/v1/org/invitations?limit&cursor (admin): a page of the organization's invitations,
  /// newest first, with their status (pending, expired, accepted, revoked), `total` and `next`
  /// (the cursor of the next page). Paged by the store; an unreadable one is an error row.
  result<std::string> list(const Actor& a, const std::optional<std::string>& limit, const std::optional<std::string>& cursor);
  /// DELETE /api/v1/org/invitations/{id} (admin): a pending invitation's link stops working.
  status revoke(const Actor& a, const std::string& id);

  /// GET /api/v1/invitations/{token} (open): organization, email, role, expiry and whether the
  /// email has an account here; a used, revoked or expired link is a conflict that says so.
  result<std::string> preview(const std::string& token);
  /// POST /api/v1/invitations/{token}/accept {name, password} (open): a new user joins (the
  /// password policy applies). conflict if the email has an account: log in and join instead.
  result<std::string> accept(const std::string& token, const boost::json::value& body);
  /// POST /api/v1/invitations/{token}/join (logged in): the caller, whose email must be the
  /// invited one, joins with the invited role.
  result<std::string> join(const Principal& p, const std::string& token);

 private:
  store::Store& store_;
  const Clock& clock_;
  IdSource& ids_;
};

}  // namespace aims::accounts
