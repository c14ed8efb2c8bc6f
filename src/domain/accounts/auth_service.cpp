#include "domain/accounts/auth_service.hpp"

#include "core/crypto.hpp"
#include "core/text.hpp"

namespace aims::accounts {

AuthService::AuthService(store::Store& store, const Clock& clock, IdSource& ids, AuthOptions opts)
    : store_(store),
      clock_(clock),
      ids_(ids),
      opts_(opts),
      throttle_(store, opts.throttle),
      hashing_(opts.hash_threads, opts.hash_queue),
      tokens_(store, clock, ids) {}

namespace {

/// The user and their memberships, read inside the caller's transaction; nullopt if no such user.
std::optional<Principal> read_principal(store::ReadTx& tx, const std::string& user_id) {
  auto u = tx.find_user(user_id);
  if (!u) return std::nullopt;
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
  std::string stored = user ? user->password_hash : dummy;
  auto pending = hashing_.try_submit([stored, password] { return crypto::verify_password(stored, password); });
  if (!pending) {
    (void)throttle_.released(email, client, now);
    if (retry_after) *retry_after = 1;
    return make_error(errc::unavailable, "Too many log-ins are being checked; try again in a second.");
  }
  bool good = pending->get() && user.has_value();
  if (!good) return make_error(errc::unauthenticated, "The email or password is wrong.");
  if (auto ts = throttle_.succeeded(email, client, now); !ts) return ts.error();

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
    return tx.insert_session(s);
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

status AuthService::logout(const std::string& session_token_hash) {
  return store_.write([&](store::WriteTx& tx) -> status {
    tx.delete_session(session_token_hash);
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
