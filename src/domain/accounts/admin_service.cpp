#include "domain/accounts/admin_service.hpp"

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/accounts/password_policy.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/accounts/token_service.hpp"

namespace aims::accounts {

namespace {

status check_org_name(const std::string& name) {
  if (name.empty() || text::utf8_length(name) > 200 || !text::is_clean_utf8(name, false))
    return make_error(errc::validation, "The organization name must be 1 to 200 characters on one line.",
                      {{"name", 0, "1 to 200 characters, one line"}});
  return ok();
}

status check_email(const std::string& email) {
  if (!text::looks_like_email(email))
    return make_error(errc::validation, "'" + email + "' is not a valid email address.",
                      {{"email", 0, "not a valid email address"}});
  return ok();
}

}  // namespace

status AdminService::check_password(const std::string& password, const std::string& email,
                                    const std::string& org_name) {
  return check_password_policy(password, {email, email.substr(0, email.find('@')), org_name});
}

status AdminService::add_member(store::WriteTx& tx, const store::Organization& org, const std::string& email,
                                const std::string& role, const std::string& password,
                                const std::string& password_hash) {
  auto now = clock_.now_text();
  auto user = tx.find_user_by_email(email);
  if (!user) {
    if (auto st = check_password(password, email, org.name); !st) return st;
    store::User u;
    u.id = ids_.next("usr");
    u.email = email;
    u.name = email.substr(0, email.find('@'));
    u.password_hash = password_hash;
    u.created_at = now;
    if (auto st = tx.insert_user(u); !st) return st;
    user = u;
  }
  store::Membership m;
  m.org_id = org.id;
  m.user_id = user->id;
  m.role = role;
  m.created_at = now;
  auto st = tx.insert_membership(m);
  if (!st && st.error().code == errc::conflict)
    return make_error(errc::conflict, email + " is already a member of " + org.name + ".");
  return st;
}

result<store::Organization> AdminService::init(const std::string& org_name, const std::string& admin_email,
                                               const std::string& password) {
  bool empty = false;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    empty = tx.list_orgs().empty();
    return ok();
  });
  if (!st) return st.error();
  if (!empty) return make_error(errc::conflict, "This data directory is already initialized.");
  return create_org(org_name, admin_email, password);
}

result<store::Organization> AdminService::create_org(const std::string& org_name_in, const std::string& admin_email_in,
                                                     const std::string& password) {
  auto org_name = text::trim(org_name_in);
  auto email = text::lower(text::trim(admin_email_in));
  if (auto s = check_org_name(org_name); !s) return s.error();
  if (auto s = check_email(email); !s) return s.error();
  // Hash outside the transaction: it is slow and the callback may be retried.
  std::string hash = password.empty() ? std::string() : crypto::hash_password(password);
  store::Organization org;
  org.id = ids_.next("org");
  org.name = org_name;
  org.created_at = clock_.now_text();
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    if (auto s = tx.insert_org(org); !s) {
      if (s.error().code == errc::conflict)
        return make_error(errc::conflict, "An organization named '" + org_name + "' exists already.");
      return s;
    }
    return add_member(tx, org, email, "admin", password, hash);
  });
  if (!st) return st.error();
  return org;
}

status AdminService::add_user(const std::string& org_name, const std::string& email_in, const std::string& role,
                              const std::string& password) {
  auto email = text::lower(text::trim(email_in));
  if (auto s = check_email(email); !s) return s;
  if (!parse_role(role))
    return make_error(errc::validation, "Unknown role '" + role + "'; use admin, manager, contributor, auditor or viewer.",
                      {{"role", 0, "one of admin, manager, contributor, auditor, viewer"}});
  std::string hash = password.empty() ? std::string() : crypto::hash_password(password);
  return store_.write([&](store::WriteTx& tx) -> status {
    auto org = tx.find_org_by_name(org_name);
    if (!org) return make_error(errc::not_found, "No organization named '" + org_name + "'.");
    return add_member(tx, *org, email, role, password, hash);
  });
}

result<std::string> AdminService::create_token(const std::string& email, const std::string& name) {
  TokenService tokens(store_, clock_, ids_);
  auto n = tokens.create_for(email, TokenSpec{name});
  if (!n) return n.error();
  return n->token;
}

}  // namespace aims::accounts
