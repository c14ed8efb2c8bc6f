#include "domain/accounts/auth_service.hpp"

#include "core/crypto.hpp"
#include "core/text.hpp"

namespace aims::accounts {

bool LoginThrottle::blocked(const std::string& key, TimePoint now) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return false;
  if (now - it->second.first > window_) {
    entries_.erase(it);
    return false;
  }
  return it->second.failures >= max_;
}

void LoginThrottle::failed(const std::string& key, TimePoint now) {
  std::lock_guard lock(mu_);
  if (entries_.size() > 100000) entries_.clear();  // bound memory under a flood of random emails
  auto& e = entries_[key];
  if (e.failures == 0 || now - e.first > window_) {
    e.failures = 0;
    e.first = now;
  }
  ++e.failures;
}

void LoginThrottle::succeeded(const std::string& key) {
  std::lock_guard lock(mu_);
  entries_.erase(key);
}

AuthService::AuthService(store::Store& store, const Clock& clock, IdSource& ids, std::chrono::seconds session_ttl)
    : store_(store), clock_(clock), ids_(ids), session_ttl_(session_ttl) {}

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

result<LoginResult> AuthService::login(const std::string& email_in, const std::string& password) {
  auto email = text::lower(text::trim(email_in));
  std::vector<FieldError> errs;
  if (email.empty()) errs.push_back({"email", 0, "Enter your email address."});
  if (password.empty()) errs.push_back({"password", 0, "Enter your password."});
  if (!errs.empty()) return make_error(errc::validation, "Email and password are required.", std::move(errs));

  auto now = clock_.now();
  if (throttle_.blocked(email, now))
    return make_error(errc::too_many_requests, "Too many failed log-ins for this account; try again in 15 minutes.");

  std::optional<store::User> user;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    user = tx.find_user_by_email(email);
    return ok();
  });
  if (!st) return st.error();
  // Verify against a dummy hash when the user is unknown so timing does not reveal which emails exist.
  static const std::string dummy = crypto::hash_password("aims-dummy-password-for-timing");
  bool good = crypto::verify_password(user ? user->password_hash : dummy, password) && user.has_value();
  if (!good) {
    throttle_.failed(email, now);
    return make_error(errc::unauthenticated, "The email or password is wrong.");
  }
  throttle_.succeeded(email);

  LoginResult r;
  r.session_token = crypto::random_token(32);
  store::Session s;
  s.token_hash = crypto::sha256_hex(r.session_token);
  s.user_id = user->id;
  s.csrf_token = crypto::random_token(24);
  s.created_at = format_time(now);
  s.expires_at = format_time(now + session_ttl_);
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
  std::optional<Principal> p;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto t = tx.find_api_token(hash);
    if (t) p = read_principal(tx, t->user_id);
    return ok();
  });
  if (!st) return st.error();
  if (!p) return make_error(errc::unauthenticated, "The API token is not valid.");
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
