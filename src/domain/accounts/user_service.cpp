#include "domain/accounts/user_service.hpp"

#include <boost/json.hpp>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/accounts/member_service.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/ledger/actor_scope.hpp"

namespace aims::accounts {

status keep_an_admin(store::WriteTx& tx, const std::string& org_id, const store::User& user, std::string_view verb) {
  auto m = tx.find_membership(user.id, org_id);
  if (!m || m->role != "admin") return ok();
  for (const auto& x : tx.list_org_members(org_id)) {
    if (x.role != "admin" || x.user_id == user.id) continue;
    auto other = tx.find_user(x.user_id);
    if (other && other->disabled_at.empty()) return ok();
  }
  return make_error(errc::conflict, user.email + " is the last admin of " + m->org_name +
                                        " who can log in; make another member admin before you " + std::string(verb) + " them.");
}

namespace {

result<store::User> user_by_email(store::WriteTx& tx, const std::string& email_in) {
  auto email = text::lower(text::trim(email_in));
  auto u = tx.find_user_by_email(email);
  if (!u) return make_error(errc::not_found, "No user with email " + email + ".");
  return std::move(*u);
}

}  // namespace

status UserService::set_disabled(store::WriteTx& tx, const store::User& u, bool disabled) {
  if (disabled == !u.disabled_at.empty()) return ok();  // already so: nothing changes
  if (disabled) {
    for (const auto& m : tx.list_memberships(u.id))
      if (auto s = keep_an_admin(tx, m.org_id, u, "deactivate"); !s) return s;
  }
  auto now = clock_.now_text();
  if (auto s = tx.set_user_disabled(u.id, disabled ? now : std::string()); !s) return s;
  // The user is not a record of one organization: each of theirs notes the change in its audit log.
  boost::json::array changes;
  changes.push_back(boost::json::object{{"field", "status"}, {"from", disabled ? "active" : "deactivated"},
                                        {"to", disabled ? "deactivated" : "active"}});
  for (const auto& m : tx.list_memberships(u.id))
    if (auto s = log_member_change(tx, m.org_id, u.id, ledger::ActorScope::current(), now, changes); !s) return s;
  // Sessions and tokens are not bound to one organization: all of them end, at once.
  if (disabled) tx.delete_user_credentials(u.id);
  return ok();
}

status UserService::deactivate(const Actor& a, const std::string& user_ref) {
  if (auto s = need_admin(a, "deactivate members"); !s) return s;
  return store_.write([&](store::WriteTx& tx) -> status {
    auto u = find_member(tx, a, user_ref);
    if (!u) return u.error();
    if (auto s = may_change_account(tx, a, *u, "deactivate"); !s) return s;
    return set_disabled(tx, *u, true);
  });
}

status UserService::reactivate(const Actor& a, const std::string& user_ref) {
  if (auto s = need_admin(a, "reactivate members"); !s) return s;
  return store_.write([&](store::WriteTx& tx) -> status {
    auto u = find_member(tx, a, user_ref);
    if (!u) return u.error();
    if (auto s = may_change_account(tx, a, *u, "reactivate"); !s) return s;
    return set_disabled(tx, *u, false);
  });
}

status UserService::deactivate_by_email(const std::string& email) {
  return store_.write([&](store::WriteTx& tx) -> status {
    auto u = user_by_email(tx, email);
    if (!u) return u.error();
    return set_disabled(tx, *u, true);
  });
}

status UserService::reactivate_by_email(const std::string& email) {
  return store_.write([&](store::WriteTx& tx) -> status {
    auto u = user_by_email(tx, email);
    if (!u) return u.error();
    return set_disabled(tx, *u, false);
  });
}

status UserService::reset_password(const std::string& email_in, const std::string& password) {
  auto email = text::lower(text::trim(email_in));
  std::optional<store::User> u;
  std::string org_name;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    u = tx.find_user_by_email(email);
    if (u) {
      auto ms = tx.list_memberships(u->id);
      if (!ms.empty()) org_name = ms.front().org_name;
    }
    return ok();
  });
  if (!st) return st;
  if (!u) return make_error(errc::not_found, "No user with email " + email + ".");
  if (auto s = AdminService::check_password(password, email, org_name); !s) return s;
  // Hash outside the transaction: it is slow and the callback may be retried.
  auto hash = crypto::hash_password(password);
  return store_.write([&](store::WriteTx& tx) -> status {
    if (auto s = tx.update_user_password(u->id, hash); !s) return s;
    tx.delete_other_sessions(u->id, "");
    return ok();
  });
}

}  // namespace aims::accounts
