// The members of an organization as its admins manage them: the list (name, email, role, status),
// role changes (never leaving it without an active admin) and forced password resets (a one-time
// link; the user cannot log in until they set a new password with it). Reset links are records of
// kind "password_reset" of the organization (id = the user's id; only the link's hash is stored).
// Stateless apart from its references; thread-safe (state is in the store).
#pragma once
#include <boost/json/fwd.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::accounts {

/// ok for an admin; forbidden saying "Only an admin may <what>." otherwise.
status need_admin(const Actor& a, std::string_view what);

/// The member of the actor's organization named by user id or email; not_found otherwise.
result<store::User> find_member(store::ReadTx& tx, const Actor& a, const std::string& ref);

/// Only an admin of every organization `u` belongs to may change what holds for their whole
/// account (log-in, password; `verb` says which): conflict for oneself, forbidden otherwise.
status may_change_account(store::ReadTx& tx, const Actor& a, const store::User& u, std::string_view verb);

/// Notes a change of a record in the organization's history and audit log (a history row one
/// version after the record's newest): `changes` is [{field, from, to}].
status log_change(store::WriteTx& tx, const std::string& org_id, const std::string& record_type, const std::string& record_id,
                  const std::string& actor, const std::string& at, const boost::json::array& changes);

/// log_change of a member (record type "membership", the user id).
status log_member_change(store::WriteTx& tx, const std::string& org_id, const std::string& user_id, const std::string& actor,
                         const std::string& at, const boost::json::array& changes);

/// Pending password resets block log-in: a conflict naming the way out if `user_id` has one in
/// any of their organizations, ok otherwise.
status check_no_pending_reset(store::ReadTx& tx, const std::string& user_id);

class MemberService {
 public:
  static constexpr std::string_view kResetKind = "password_reset";

  MemberService(store::Store& store, const Clock& clock, IdSource& ids) : store_(store), clock_(clock), ids_(ids) {}

  /// GET /api/v1/org/members (admin): {items: [{id, email, name, role, status, joined_at,
  /// deactivated_at, last_login_at, password_reset_pending}]}, oldest member first.
  result<std::string> list(const Actor& a);
  /// GET /api/v1/org/directory (every role that may write records, which may submit for approval;
  /// forbidden otherwise): {items: [{id, name, role, may_approve, aims_roles}], total, next?} —
  /// the active members, by name, no email; `q` (in the name), `limit` 1–500, `cursor`; unknown or
  /// bad parameters answer 400 as every list. Paged by the store.
  result<std::string> directory(const Actor& a, const std::vector<std::pair<std::string, std::string>>& params);
  /// PATCH /api/v1/org/members/{user} {role} (admin): conflict if it would leave no active admin.
  result<std::string> change_role(const Actor& a, const std::string& user_ref, const boost::json::value& body);
  /// POST /api/v1/org/members/{user}/reset-password (admin of every organization of the user,
  /// not oneself): ends the user's sessions and returns a one-time link (7 days) with which they
  /// set a new password; until then log-in answers 403.
  result<std::string> force_reset(const Actor& a, const std::string& user_ref);
  /// GET /api/v1/password-resets/{token} (open): {email, expires_at}; conflict if used or expired.
  result<std::string> preview_reset(const std::string& token);
  /// POST /api/v1/password-resets/{token} {password} (open): sets the password (policy applies),
  /// ends all the user's sessions; the link is used up.
  status complete_reset(const std::string& token, const boost::json::value& body);
  /// POST /api/v1/orgs {name}: a new organization whose admin is the caller, who must be an
  /// admin of one of theirs (forbidden otherwise); conflict if the name is taken.
  result<std::string> create_org(const Principal& p, const boost::json::value& body);

 private:
  store::Store& store_;
  const Clock& clock_;
  IdSource& ids_;
};

}  // namespace aims::accounts
