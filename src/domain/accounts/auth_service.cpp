#include "domain/accounts/auth_service.hpp"

#include <boost/json.hpp>

#include <memory>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/accounts/member_service.hpp"
#include "domain/accounts/password_policy.hpp"
#include "store/account_details.hpp"

namespace aims::accounts {

AuthService::AuthService(store::Store& store, const Clock& clock, IdSource& ids, AuthOptions opts)
    : store_(store),
      clock_(clock),
      ids_(ids),
      opts_(opts),
      throttle_(store, opts.throttle),
      hashing_(opts.hash_threads, opts.hash_queue),
      tokens_(store, clock, ids),
      users_(store, clock) {}

namespace {

/// The user and their memberships, read inside the caller's transaction; nullopt if no such user
/// or the user is deactivated.
std::optional<Principal> read_principal(store::ReadTx& tx, const std::string& user_id) {
  auto u = tx.find_user(user_id);
  if (!u || !u->disabled_at.empty()) return std::nullopt;
  Principal p;
  p.user = std::move(*u);
  p.memberships = tx.list_memberships(user_id);
  return p;
}

}  // namespace

result<Principal> AuthService::load_principal(const std::string& user_id) {
  std::optional<Principal> p;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    p = read_principal(tx, user_id);
    return ok();
  });
  if (!st) return st.error();
  if (!p) return make_error(errc::unauthenticated, "The credentials are no longer valid.");
  return std::move(*p);
}

result<LoginResult> AuthService::login(const std::string& email_in, const std::string& password,
                                       const std::string& client, int* retry_after) {
  auto email = text::lower(text::trim(email_in));
  std::vector<FieldError> errs;
  if (email.empty()) errs.push_back({"email", 0, "Enter your email address."});
  if (password.empty()) errs.push_back({"password", 0, "Enter your password."});
  if (!errs.empty()) return make_error(errc::validation, "Email and password are required.", std::move(errs));
  if (email.size() > 320 || password.size() > 1024)
    return make_error(errc::unauthenticated, "The email or password is wrong.");

  auto now = clock_.now();
  // The attempt is counted before the hash is computed, in the transaction that checks the limit.
  if (auto st = throttle_.reserve(email, client, now, retry_after); !st) return st.error();

  std::optional<store::User> user;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    user = tx.find_user_by_email(email);
    return ok();
  });
  if (!st) return st.error();
  // Verify against a dummy hash when the user is unknown so timing does not reveal which emails exist.
  static const std::string dummy = crypto::hash_password("aims-dummy-password-for-timing");
  auto verified = verify_on_pool(user ? user->password_hash : dummy, password);
  if (!verified) {
    (void)throttle_.released(email, client, now);
    if (retry_after) *retry_after = 1;
    return verified.error();
  }
  bool good = *verified && user.has_value();
  if (!good) return make_error(errc::unauthenticated, "The email or password is wrong.");
  if (auto ts = throttle_.succeeded(email, client, now); !ts) return ts.error();
  // Said only to whoever knows the password, so it does not reveal which accounts exist.
  if (!user->disabled_at.empty())
    return make_error(errc::forbidden, "This account is deactivated; an admin of your organization can reactivate it.");
  auto reset = store_.read([&](store::ReadTx& tx) { return check_no_pending_reset(tx, user->id); });
  if (!reset) return reset.error();

  LoginResult r;
  r.session_token = crypto::random_token(32);
  store::Session s;
  s.token_hash = crypto::sha256_hex(r.session_token);
  s.user_id = user->id;
  s.csrf_token = crypto::random_token(24);
  s.created_at = format_time(now);
  s.expires_at = format_time(now + opts_.session_ttl);
  auto wst = store_.write([&](store::WriteTx& tx) -> status {
    tx.delete_expired_sessions(s.created_at);
    if (auto st = tx.insert_session(s); !st) return st;
    // Bookkeeping on the account, in the transaction that lets them in: never for a refused log-in.
    auto details = store::account_details(tx);
    if (!details) return details.error();
    return (*details)->set_user_last_login(user->id, s.created_at);
  });
  if (!wst) return wst.error();
  auto p = load_principal(user->id);
  if (!p) return p.error();
  r.principal = std::move(*p);
  r.principal.via_session = true;
  r.principal.csrf_token = s.csrf_token;
  r.principal.session_token_hash = s.token_hash;
  return r;
}

result<bool> AuthService::verify_on_pool(const std::string& stored, const std::string& password) {
  auto pending = hashing_.try_submit([stored, password] { return crypto::verify_password(stored, password); });
  if (!pending) return make_error(errc::unavailable, "Too many passwords are being checked; try again in a second.");
  return pending->get();
}

status AuthService::logout(const std::string& session_token_hash) {
  return store_.write([&](store::WriteTx& tx) -> status {
    tx.delete_session(session_token_hash);
    return ok();
  });
}

status AuthService::change_password(const Principal& p, const boost::json::value& body, const std::string& client,
                                    int* retry_after) {
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  const auto& o = body.as_object();
  std::vector<FieldError> errs;
  for (const auto& kv : o)
    if (kv.key() != "current_password" && kv.key() != "new_password")
      errs.push_back({std::string(kv.key()), 0, "is not a field of a password change"});
  auto get = [&](const char* k) -> std::string {
    auto v = o.if_contains(k);
    if (!v || (v->is_string() && v->as_string().empty())) errs.push_back({k, 0, "is required"});
    else if (!v->is_string()) errs.push_back({k, 0, "must be a string"});
    else if (v->as_string().size() > 1024) errs.push_back({k, 0, "must be at most 1024 bytes"});
    else return std::string(v->as_string());
    return {};
  };
  auto current = get("current_password");
  auto next = get("new_password");
  if (errs.empty() && current == next) errs.push_back({"new_password", 0, "must differ from the current password"});
  if (errs.empty()) {
    PasswordContext ctx{p.user.email, p.user.email.substr(0, p.user.email.find('@')),
                        p.memberships.empty() ? std::string() : p.memberships.front().org_name};
    if (auto s = check_password_policy(next, ctx); !s) {
      auto e = s.error();
      for (auto& fe : e.errors) fe.field = "new_password";
      return make_error(errc::validation, "The new password is not accepted: " + e.detail, std::move(e.errors));
    }
  }
  if (!errs.empty()) return make_error(errc::validation, "The password change is not valid.", std::move(errs));

  // A wrong current password is a guess like a wrong log-in: the same throttle, counted first.
  auto now = clock_.now();
  const auto& email = p.user.email;
  if (auto st = throttle_.reserve(email, client, now, retry_after); !st) return st;
  auto verified = verify_on_pool(p.user.password_hash, current);
  if (!verified) {
    (void)throttle_.released(email, client, now);
    if (retry_after) *retry_after = 1;
    return verified.error();
  }
  if (!*verified)
    return make_error(errc::validation, "The current password is wrong.", {{"current_password", 0, "is not your current password"}});
  if (auto ts = throttle_.succeeded(email, client, now); !ts) return ts;

  auto hash = std::make_shared<std::string>();
  auto pending = hashing_.try_submit([hash, next] {
    *hash = crypto::hash_password(next);
    return true;
  });
  if (!pending) {
    if (retry_after) *retry_after = 1;
    return make_error(errc::unavailable, "Too many passwords are being checked; try again in a second.");
  }
  pending->get();
  return store_.write([&](store::WriteTx& tx) -> status {
    auto u = tx.find_user(p.user.id);
    // Changed meanwhile (another session, a reset): the current password checked is stale.
    if (!u || u->password_hash != p.user.password_hash)
      return make_error(errc::conflict, "Your password was changed meanwhile; log in again.");
    if (auto s = tx.update_user_password(p.user.id, *hash); !s) return s;
    tx.delete_other_sessions(p.user.id, p.via_session ? p.session_token_hash : std::string());
    return ok();
  });
}

result<Principal> AuthService::from_session(const std::string& session_token) {
  auto hash = crypto::sha256_hex(session_token);
  auto now = clock_.now_text();
  std::optional<Principal> p;
  std::string csrf;
  // One snapshot for the session, its user and memberships.
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto s = tx.find_session(hash);
    if (!s || s->expires_at <= now) return ok();
    csrf = s->csrf_token;
    p = read_principal(tx, s->user_id);
    return ok();
  });
  if (!st) return st.error();
  if (!p) return make_error(errc::unauthenticated, "Your session has ended; log in again.");
  p->via_session = true;
  p->csrf_token = std::move(csrf);
  p->session_token_hash = hash;
  return std::move(*p);
}

result<Principal> AuthService::from_api_token(const std::string& token) {
  auto hash = crypto::sha256_hex(token);
  auto now = clock_.now();
  auto now_text = format_time(now);
  std::optional<Principal> p;
  std::optional<store::ApiToken> t;
  bool expired = false;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    t = tx.find_api_token(hash);
    if (!t) return ok();
    if (!t->expires_at.empty() && t->expires_at <= now_text) {
      expired = true;
      return ok();
    }
    p = read_principal(tx, t->user_id);
    return ok();
  });
  if (!st) return st.error();
  if (expired) return make_error(errc::unauthenticated, "The API token has expired; create a new one.");
  if (!p) return make_error(errc::unauthenticated, "The API token is not valid.");
  p->token_scope = t->scope;
  // Bookkeeping on the credential, at most once a minute per token: not a record, not audited.
  auto last = parse_time(t->last_used_at);
  if (!last || now - *last >= std::chrono::minutes(1)) {
    auto ws = store_.write([&](store::WriteTx& tx) -> status {
      tx.touch_api_token(t->id, now_text);
      return ok();
    });
    if (!ws) return ws.error();
  }
  return std::move(*p);
}

result<Actor> AuthService::act_as(const Principal& p, const std::optional<std::string>& requested) {
  const store::Membership* m = nullptr;
  if (requested) {
    for (const auto& x : p.memberships)
      if (x.org_id == *requested) m = &x;
    if (!m) return make_error(errc::not_found, "No organization " + *requested + " among yours.");
  } else {
    if (p.memberships.empty()) return make_error(errc::not_found, "You are not a member of any organization.");
    m = &p.memberships.front();
  }
  Actor a;
  a.user_id = p.user.id;
  a.email = p.user.email;
  a.org_id = m->org_id;
  a.org_name = m->org_name;
  a.role = parse_role(m->role).value_or(Role::viewer);
  return a;
}

}  // namespace aims::accounts
