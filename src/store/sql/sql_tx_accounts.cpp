// SqlTx: organizations, users, memberships, sessions and API tokens.
#include "store/sql/sql_tx.hpp"
#include "store/sql/system_query.hpp"

namespace aims::store::sql {
namespace {

Organization to_org(Row& r) { return Organization{r.take_text(0), r.take_text(1), r.take_text(2)}; }

User to_user(Row& r) {
  return User{r.take_text(0), r.take_text(1), r.take_text(2), r.take_text(3), r.take_text(4), r.take_text(5)};
}

Membership to_membership(Row& r) {
  return Membership{r.take_text(0), r.take_text(1), r.take_text(2), r.take_text(3), r.take_text(4)};
}

ApiToken to_token(Row& r) {
  return ApiToken{r.take_text(0), r.take_text(1), r.take_text(2), r.take_text(3), r.take_text(4),
                  r.take_text(5), r.take_text(6), r.take_text(7), r.take_text(8)};
}

template <class T, class F>
std::optional<T> first(Rows rows, F convert) {
  if (rows.empty()) return std::nullopt;
  return convert(rows.front());
}

constexpr std::string_view kOrgColumns = "SELECT id, name, created_at FROM organizations ";
constexpr std::string_view kUserColumns = "SELECT id, email, name, password_hash, created_at, disabled_at FROM users ";
constexpr std::string_view kTokenColumns =
    "SELECT t.id, t.user_id, t.name, t.token_hash, t.created_at, t.expires_at, t.last_used_at, t.scope, u.email "
    "FROM api_tokens t JOIN users u ON u.id = t.user_id ";
constexpr std::string_view kMembershipColumns =
    "SELECT m.org_id, o.name, m.user_id, m.role, m.created_at "
    "FROM memberships m JOIN organizations o ON o.id = m.org_id ";

std::string cat(std::string_view a, std::string_view b) { return std::string(a).append(b); }

}  // namespace

status SqlTx::insert_or_conflict(std::string_view sql, const Params& params, const char* what) {
  if (c_.exec(sql, params) == 0) return make_error(errc::conflict, std::string(what) + " already exists");
  return ok();
}

std::optional<Organization> SqlTx::find_org(const std::string& id) {
  return first<Organization>(c_.query(cat(kOrgColumns, "WHERE id = ?"), {id}), to_org);
}

std::optional<Organization> SqlTx::find_org_by_name(const std::string& name) {
  return first<Organization>(c_.query(cat(kOrgColumns, "WHERE name = ?"), {name}), to_org);
}

std::vector<Organization> SqlTx::list_orgs() {
  std::vector<Organization> out;
  for (Row& r : c_.query(cat(kOrgColumns, "ORDER BY created_at, id"))) out.push_back(to_org(r));
  return out;
}

std::optional<User> SqlTx::find_user(const std::string& id) {
  return first<User>(c_.query(cat(kUserColumns, "WHERE id = ?"), {id}), to_user);
}

std::optional<User> SqlTx::find_user_by_email(const std::string& email) {
  return first<User>(c_.query(cat(kUserColumns, "WHERE email = ?"), {email}), to_user);
}

std::vector<Membership> SqlTx::list_memberships(const std::string& user_id) {
  std::vector<Membership> out;
  for (Row& r : c_.query(cat(kMembershipColumns, "WHERE m.user_id = ? ORDER BY m.created_at, m.org_id"), {user_id}))
    out.push_back(to_membership(r));
  return out;
}

std::optional<Membership> SqlTx::find_membership(const std::string& user_id, const std::string& org_id) {
  return first<Membership>(
      c_.query(cat(kMembershipColumns, "WHERE m.user_id = ? AND m.org_id = ?"), {user_id, org_id}), to_membership);
}

std::optional<Session> SqlTx::find_session(const std::string& token_hash) {
  return first<Session>(
      c_.query("SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE token_hash = ?",
               {token_hash}),
      [](Row& r) { return Session{r.take_text(0), r.take_text(1), r.take_text(2), r.take_text(3), r.take_text(4)}; });
}

std::optional<ApiToken> SqlTx::find_api_token(const std::string& token_hash) {
  return first<ApiToken>(c_.query(cat(kTokenColumns, "WHERE t.token_hash = ?"), {token_hash}), to_token);
}

std::optional<ApiToken> SqlTx::find_api_token_by_id(const std::string& id) {
  return first<ApiToken>(c_.query(cat(kTokenColumns, "WHERE t.id = ?"), {id}), to_token);
}

std::vector<ApiToken> SqlTx::list_api_tokens(const std::string& user_id) {
  std::vector<ApiToken> out;
  for (Row& r : c_.query(cat(kTokenColumns, "WHERE t.user_id = ? ORDER BY t.created_at, t.id"), {user_id}))
    out.push_back(to_token(r));
  return out;
}

std::vector<ApiToken> SqlTx::list_org_api_tokens(const std::string& org_id) {
  std::vector<ApiToken> out;
  for (Row& r : c_.query(cat(kTokenColumns,
                             "WHERE t.user_id IN (SELECT user_id FROM memberships WHERE org_id = ?) "
                             "ORDER BY t.created_at, t.id"),
                         {org_id}))
    out.push_back(to_token(r));
  return out;
}

std::vector<Membership> SqlTx::list_org_members(const std::string& org_id) {
  std::vector<Membership> out;
  for (Row& r : c_.query(cat(kMembershipColumns, "WHERE m.org_id = ? ORDER BY m.created_at, m.user_id"), {org_id}))
    out.push_back(to_membership(r));
  return out;
}

std::optional<LoginThrottleRow> SqlTx::find_login_throttle(const std::string& key) {
  return first<LoginThrottleRow>(
      c_.query("SELECT throttle_key, failures, blocked_until, updated_at FROM login_throttle WHERE throttle_key = ?", {key}),
      [](Row& r) { return LoginThrottleRow{r.take_text(0), r.int64(1), r.take_text(2), r.take_text(3)}; });
}

status SqlTx::insert_org(const Organization& o) {
  return insert_or_conflict(
      "INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      {o.id, o.name, o.created_at}, "an organization with this id or name");
}

status SqlTx::insert_user(const User& u) {
  return insert_or_conflict(
      "INSERT INTO users (id, email, name, password_hash, created_at, disabled_at) VALUES (?, ?, ?, ?, ?, ?) "
      "ON CONFLICT DO NOTHING",
      {u.id, u.email, u.name, u.password_hash, u.created_at, u.disabled_at}, "a user with this id or email");
}

status SqlTx::insert_membership(const Membership& m) {
  return insert_or_conflict(
      "INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
      {m.org_id, m.user_id, m.role, m.created_at}, "this membership");
}

status SqlTx::insert_session(const Session& s) {
  return insert_or_conflict(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT DO NOTHING",
      {s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at}, "a session with this token");
}

void SqlTx::delete_session(const std::string& token_hash) {
  c_.exec("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
}

void SqlTx::delete_expired_sessions(const std::string& now) {
  c_.exec("DELETE FROM sessions WHERE expires_at <= ?", {now});
}

status SqlTx::insert_api_token(const ApiToken& t) {
  return insert_or_conflict(
      "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, expires_at, last_used_at, scope) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      {t.id, t.user_id, t.name, t.token_hash, t.created_at, t.expires_at, t.last_used_at, t.scope},
      "an API token with this id or hash");
}

status SqlTx::delete_api_token(const std::string& id) {
  if (c_.exec("DELETE FROM api_tokens WHERE id = ?", {id}) == 0)
    return make_error(errc::not_found, "No API token " + id + ".");
  return ok();
}

void SqlTx::touch_api_token(const std::string& id, const std::string& at) {
  c_.exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {at, id});
}

void SqlTx::delete_user_credentials(const std::string& user_id) {
  c_.exec("DELETE FROM sessions WHERE user_id = ?", {user_id});
  c_.exec("DELETE FROM api_tokens WHERE user_id = ?", {user_id});
}

void SqlTx::delete_other_sessions(const std::string& user_id, const std::string& keep_token_hash) {
  c_.exec("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", {user_id, keep_token_hash});
}

status SqlTx::update_user_password(const std::string& user_id, const std::string& password_hash) {
  if (c_.exec("UPDATE users SET password_hash = ? WHERE id = ?", {password_hash, user_id}) == 0)
    return make_error(errc::not_found, "No such user.");
  return ok();
}

status SqlTx::set_user_disabled(const std::string& user_id, const std::string& disabled_at) {
  if (c_.exec("UPDATE users SET disabled_at = ? WHERE id = ?", {disabled_at, user_id}) == 0)
    return make_error(errc::not_found, "No such user.");
  return ok();
}

std::map<std::string, std::string> SqlTx::find_last_logins(const std::vector<std::string>& user_ids) {
  std::map<std::string, std::string> out;
  if (user_ids.empty()) return out;
  Params params(user_ids.begin(), user_ids.end());
  for (Row& r : c_.query("SELECT id, last_login_at FROM users WHERE last_login_at <> '' AND id IN (" + placeholders(user_ids.size()) + ")",
                         params)) {
    auto id = r.take_text(0);
    out.emplace(std::move(id), r.take_text(1));
  }
  return out;
}

namespace {

/// The FROM and WHERE of a directory query (without its keyset position) and its parameters.
std::string directory_where(const DirectoryQuery& q, Params& params) {
  std::string sql =
      " FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = ? AND u.disabled_at = ''";
  params.emplace_back(q.org_id);
  if (!q.text.empty()) {
    sql += " AND LOWER(u.name) LIKE ? ESCAPE '!'";
    params.emplace_back("%" + escape_like(q.text) + "%");
  }
  return sql;
}

}  // namespace

std::vector<DirectoryEntry> SqlTx::page_directory(const DirectoryQuery& q) {
  Params params;
  std::string sql = "SELECT u.id, u.name, m.role, LOWER(u.name) AS k" + directory_where(q, params);
  if (!q.after_id.empty()) {
    sql += " AND (LOWER(u.name) > ? OR (LOWER(u.name) = ? AND u.id > ?))";
    params.insert(params.end(), {q.after_key, q.after_key, q.after_id});
  }
  sql += " ORDER BY k, u.id LIMIT ?";
  params.emplace_back(q.limit);
  std::vector<DirectoryEntry> out;
  for (Row& r : c_.query(sql, params)) out.push_back(DirectoryEntry{r.take_text(0), r.take_text(1), r.take_text(2), r.take_text(3)});
  return out;
}

std::int64_t SqlTx::count_directory(const DirectoryQuery& q) {
  Params params;
  auto rows = c_.query("SELECT COUNT(*)" + directory_where(q, params), params);
  return rows.empty() ? 0 : rows[0].int64(0);
}

status SqlTx::set_user_last_login(const std::string& user_id, const std::string& at) {
  if (c_.exec("UPDATE users SET last_login_at = ? WHERE id = ?", {at, user_id}) == 0)
    return make_error(errc::not_found, "No such user.");
  return ok();
}

status SqlTx::set_user_name(const std::string& user_id, const std::string& name) {
  if (c_.exec("UPDATE users SET name = ? WHERE id = ?", {name, user_id}) == 0)
    return make_error(errc::not_found, "No such user.");
  return ok();
}

status SqlTx::rename_org(const std::string& org_id, const std::string& name) {
  // The name is unique: a clash is told apart from an absent organization without a failed statement.
  if (c_.query("SELECT 1 FROM organizations WHERE name = ? AND id <> ?", {name, org_id}).size() > 0)
    return make_error(errc::conflict, "an organization with this name");
  if (c_.exec("UPDATE organizations SET name = ? WHERE id = ?", {name, org_id}) == 0)
    return make_error(errc::not_found, "No such organization.");
  return ok();
}

status SqlTx::delete_membership(const std::string& org_id, const std::string& user_id) {
  if (c_.exec("DELETE FROM memberships WHERE org_id = ? AND user_id = ?", {org_id, user_id}) == 0)
    return make_error(errc::not_found, "No such membership.");
  return ok();
}

void SqlTx::put_login_throttle(const LoginThrottleRow& r) {
  c_.exec(
      "INSERT INTO login_throttle (throttle_key, failures, blocked_until, updated_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures, blocked_until = excluded.blocked_until, "
      "updated_at = excluded.updated_at",
      {r.key, r.failures, r.blocked_until, r.updated_at});
}

void SqlTx::delete_login_throttle(const std::string& key) {
  c_.exec("DELETE FROM login_throttle WHERE throttle_key = ?", {key});
}

void SqlTx::delete_stale_login_throttles(const std::string& before) {
  c_.exec("DELETE FROM login_throttle WHERE updated_at < ? AND blocked_until < ?", {before, before});
}

}  // namespace aims::store::sql
