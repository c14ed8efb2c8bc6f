#include "domain/accounts/token_service.hpp"

#include <boost/json.hpp>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/accounts/member_service.hpp"
#include "domain/accounts/user_service.hpp"
#include "domain/common/input.hpp"

namespace aims::accounts {
namespace json = boost::json;

namespace {

constexpr int kMaxTokenDays = 3650;

}  // namespace

json::object TokenService::token_json(const store::ApiToken& t, TimePoint now) {
  json::object o{{"id", t.id},
                 {"name", t.name},
                 {"scope", t.scope},
                 {"user", json::object{{"id", t.user_id}, {"email", t.user_email}}},
                 {"created_at", t.created_at}};
  o["expires_at"] = t.expires_at.empty() ? json::value(nullptr) : json::value(t.expires_at);
  o["last_used_at"] = t.last_used_at.empty() ? json::value(nullptr) : json::value(t.last_used_at);
  o["expired"] = !t.expires_at.empty() && t.expires_at <= format_time(now);
  return o;
}

status TokenService::check_spec(const TokenSpec& spec) {
  std::vector<FieldError> errs;
  auto name = text::trim(spec.name);
  if (name.empty() || text::utf8_length(name) > 200 || !text::is_clean_utf8(name, false))
    errs.push_back({"name", 0, "1 to 200 characters, one line"});
  if (spec.scope != "read" && spec.scope != "write") errs.push_back({"scope", 0, "one of read, write"});
  if (spec.expires_in_days && (*spec.expires_in_days < 1 || *spec.expires_in_days > kMaxTokenDays))
    errs.push_back({"expires_in_days", 0, "1 to 3650 days, or null for never (admins only)"});
  if (!errs.empty()) return make_error(errc::validation, "The token request is not valid.", std::move(errs));
  return ok();
}

result<NewToken> TokenService::insert(const std::string& user_id, const TokenSpec& spec) {
  auto now = clock_.now();
  NewToken n;
  n.token = "aims_" + crypto::random_token(32);
  n.row.id = ids_.next("tok");
  n.row.user_id = user_id;
  n.row.name = text::trim(spec.name);
  n.row.token_hash = crypto::sha256_hex(n.token);
  n.row.created_at = format_time(now);
  if (spec.expires_in_days) n.row.expires_at = format_time(now + std::chrono::hours(24) * *spec.expires_in_days);
  n.row.scope = spec.scope;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto u = tx.find_user(user_id);
    if (!u) return make_error(errc::not_found, "No such user.");
    if (!u->disabled_at.empty()) return make_error(errc::conflict, u->email + " is deactivated; reactivate them first.");
    n.row.user_email = u->email;
    return tx.insert_api_token(n.row);
  });
  if (!st) return st.error();
  return n;
}

result<std::string> TokenService::create(const Actor& a, const json::value& body) {
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"name", "scope", "expires_in_days"});
  TokenSpec spec;
  spec.name = in.text("name", 200, false, true).value_or("");
  spec.scope = in.choice("scope", {"read", "write"}).value_or("write");
  bool never = false;
  auto days = in.integer("expires_in_days", 1, kMaxTokenDays, true, &never);
  if (!in.ok()) return in.failure("The token request is not valid.");
  spec.expires_in_days = never ? std::nullopt : std::optional<int>(days.value_or(90));
  if (never) {
    if (auto s = need_admin(a, "create a token that never expires"); !s) return s.error();
  }
  if (auto s = check_spec(spec); !s) return s.error();
  auto n = insert(a.user_id, spec);
  if (!n) return n.error();
  auto o = token_json(n->row, clock_.now());
  o["token"] = n->token;
  return json::serialize(o);
}

result<std::string> TokenService::list(const Actor& a) {
  std::vector<store::ApiToken> rows;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    rows = allowed(a.role, Action::administer) ? tx.list_org_api_tokens(a.org_id) : tx.list_api_tokens(a.user_id);
    return ok();
  });
  if (!st) return st.error();
  auto now = clock_.now();
  json::array items;
  for (const auto& t : rows) items.push_back(token_json(t, now));
  return json::serialize(json::object{{"items", std::move(items)}});
}

status TokenService::revoke(const Actor& a, const std::string& id) {
  return store_.write([&](store::WriteTx& tx) -> status {
    auto t = tx.find_api_token_by_id(id);
    bool mine = t && t->user_id == a.user_id;
    bool members = t && allowed(a.role, Action::administer) && tx.find_membership(t->user_id, a.org_id);
    if (!mine && !members) return make_error(errc::not_found, "No API token " + id + " among yours.");
    return tx.delete_api_token(id);
  });
}

status TokenService::remove(store::WriteTx& tx, const std::string& org_id, const store::User& user) {
  auto m = tx.find_membership(user.id, org_id);
  if (!m) return make_error(errc::not_found, user.email + " is not a member of this organization.");
  if (auto s = keep_an_admin(tx, org_id, user, "remove"); !s) return s;
  if (auto s = tx.delete_membership(org_id, user.id); !s) return s;
  // A token or session is not bound to one organization: all of them end, at once.
  tx.delete_user_credentials(user.id);
  return ok();
}

status TokenService::remove_member(const Actor& a, const std::string& user_ref) {
  if (auto s = need_admin(a, "remove members"); !s) return s;
  return store_.write([&](store::WriteTx& tx) -> status {
    auto u = user_ref.find('@') != std::string::npos ? tx.find_user_by_email(text::lower(text::trim(user_ref)))
                                                     : tx.find_user(user_ref);
    if (!u) return make_error(errc::not_found, "No member " + user_ref + " in this organization.");
    return remove(tx, a.org_id, *u);
  });
}

result<NewToken> TokenService::create_for(const std::string& email_in, const TokenSpec& spec) {
  if (auto s = check_spec(spec); !s) return s.error();
  auto email = text::lower(text::trim(email_in));
  std::optional<store::User> u;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    u = tx.find_user_by_email(email);
    return ok();
  });
  if (!st) return st.error();
  if (!u) return make_error(errc::not_found, "No user with email " + email + ".");
  return insert(u->id, spec);
}

result<std::vector<store::ApiToken>> TokenService::list_for(const std::string& email_in) {
  auto email = text::lower(text::trim(email_in));
  std::optional<std::vector<store::ApiToken>> rows;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto u = tx.find_user_by_email(email);
    if (u) rows = tx.list_api_tokens(u->id);
    return ok();
  });
  if (!st) return st.error();
  if (!rows) return make_error(errc::not_found, "No user with email " + email + ".");
  return std::move(*rows);
}

status TokenService::revoke_by_id(const std::string& id) {
  return store_.write([&](store::WriteTx& tx) -> status { return tx.delete_api_token(id); });
}

status TokenService::remove_member_of(const std::string& org_name, const std::string& email_in) {
  auto email = text::lower(text::trim(email_in));
  return store_.write([&](store::WriteTx& tx) -> status {
    auto org = tx.find_org_by_name(org_name);
    if (!org) return make_error(errc::not_found, "No organization named '" + org_name + "'.");
    auto u = tx.find_user_by_email(email);
    if (!u) return make_error(errc::not_found, "No user with email " + email + ".");
    return remove(tx, org->id, *u);
  });
}

}  // namespace aims::accounts
