#include <boost/json.hpp>

#include "domain/accounts/profile_service.hpp"
#include "domain/accounts/roles.hpp"
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

namespace {

json::object membership_json(const store::Membership& m) {
  return json::object{{"id", m.org_id}, {"name", m.org_name}, {"role", m.role}};
}

json::object me_json(const accounts::Principal& p, const std::optional<accounts::Actor>& actor) {
  json::array orgs;
  for (const auto& m : p.memberships) orgs.push_back(membership_json(m));
  json::object o{{"user", json::object{{"id", p.user.id}, {"email", p.user.email}, {"name", p.user.name}}},
                 {"organizations", std::move(orgs)}};
  if (actor)
    o["organization"] = json::object{{"id", actor->org_id}, {"name", actor->org_name},
                                     {"role", std::string(accounts::role_name(actor->role))}};
  else if (!p.memberships.empty())
    o["organization"] = membership_json(p.memberships.front());
  if (p.via_session) o["csrf_token"] = p.csrf_token;
  return o;
}

std::string session_cookie(const std::string& value, bool secure, bool clear) {
  std::string c = std::string(session_cookie_name(secure)) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) c += "; Secure";
  if (clear) c += "; Max-Age=0";
  else c += "; Max-Age=43200";
  return c;
}

}  // namespace

Response health(Context& c) {
  if (!c.svc.store.healthy()) return problem(errc::unavailable, "The database does not answer.");
  return json_response(200, R"({"status":"ok"})");
}

Response login(Context& c) {
  auto body = parse_json_body(c.req, 16 * 1024);
  if (!body) return problem(body.error(), c.req.path);
  if (!body->is_object()) return problem(errc::bad_request, "The body must be a JSON object.", c.req.path);
  const auto& o = body->as_object();
  std::vector<FieldError> errs;
  for (const auto& kv : o)
    if (kv.key() != "email" && kv.key() != "password") errs.push_back({std::string(kv.key()), 0, "is not a log-in field"});
  auto get = [&](const char* k) -> std::string {
    auto p = o.if_contains(k);
    if (!p) return {};
    if (!p->is_string()) {
      errs.push_back({k, 0, "must be a string"});
      return {};
    }
    return std::string(p->as_string());
  };
  auto email = get("email");
  auto password = get("password");
  c.req.log_identity.emplace_back("email", email);  // a refused log-in is logged with the address tried
  if (!errs.empty()) return problem(make_error(errc::validation, "The log-in request is not valid.", errs), c.req.path);
  int retry_after = 0;
  auto r = c.svc.auth.login(email, password, client_address(c), &retry_after);
  if (!r) {
    auto res = problem(r.error(), c.req.path);
    if (retry_after > 0) res.set_header("Retry-After", std::to_string(retry_after));
    return res;
  }
  auto res = json_response(200, json::serialize(me_json(r->principal, std::nullopt)));
  res.set_header("Set-Cookie", session_cookie(r->session_token, c.secure_cookies, false));
  return res;
}

Response logout(Context& c) {
  if (c.principal->via_session) {
    if (auto st = c.svc.auth.logout(c.principal->session_token_hash); !st) return problem(st.error(), c.req.path);
  }
  auto res = no_content();
  res.set_header("Set-Cookie", session_cookie("", c.secure_cookies, true));
  return res;
}

Response change_password(Context& c) {
  auto body = parse_json_body(c.req, 16 * 1024);
  if (!body) return problem(body.error(), c.req.path);
  int retry_after = 0;
  if (auto st = c.svc.auth.change_password(*c.principal, *body, client_address(c), &retry_after); !st) {
    auto res = problem(st.error(), c.req.path);
    if (retry_after > 0) res.set_header("Retry-After", std::to_string(retry_after));
    return res;
  }
  return no_content();
}

Response me(Context& c) {
  auto o = me_json(*c.principal, c.actor);
  // My account shows the last log-in: one more read, for this page only.
  auto last = accounts::last_login(c.svc.store, c.principal->user.id);
  if (!last) return problem(last.error(), c.req.path);
  o["user"].as_object()["last_login_at"] = *last ? json::value(**last) : json::value(nullptr);
  return json_response(200, json::serialize(o));
}

}  // namespace aims::http::handlers
