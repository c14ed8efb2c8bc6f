#include "http/api.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "core/crypto.hpp"
#include "core/json_text.hpp"
#include "domain/ledger/actor_scope.hpp"
#include "http/json_keys.hpp"
#include "http/problem.hpp"
#include "http/routes.hpp"

namespace aims::http {
namespace json = boost::json;

result<json::value> parse_json_body(const Request& req, std::size_t max) {
  if (req.media_type() != "application/json")
    return make_error(errc::unsupported_media_type, "Send the body as application/json.");
  if (req.body.size() > max)
    return make_error(errc::payload_too_large, "The body is larger than " + std::to_string(max) + " bytes.");
  boost::system::error_code ec;
  json::parse_options po;
  po.max_depth = 32;
  auto v = parse_json_exact(req.body, ec, po);  // numbers read back exactly as sent
  if (ec) return make_error(errc::bad_request, "The body is not valid JSON: " + ec.message() + ".");
  // A parser that keeps the last of two equal keys and one that keeps the first would read two
  // different objects from one body: refuse the body instead.
  if (auto dup = find_duplicate_key(req.body, 32)) {
    auto key = dup->key.size() > 100 ? dup->key.substr(0, 100) + "..." : dup->key;
    auto where = dup->object_pointer.empty() ? std::string("the top-level object") : "the object at " + dup->object_pointer;
    return make_error(errc::bad_request, "The body has the key \"" + key + "\" twice in " + where + "; send each key once.");
  }
  return v;
}

namespace {

/// Logs a refused request (401/403) with who it claimed to be, never with a secret (ASVS 16.3).
void log_refusal(const Request& req, int status) {
  json::object o{{"event", "access refused"}, {"id", req.request_id}, {"status", status},
                 {"method", req.method},      {"path", req.path},      {"peer", req.peer}};
  for (const auto& [k, v] : req.log_identity) o[k] = v.size() > 254 ? v.substr(0, 254) + "..." : v;
  if (!o.contains("org"))
    if (auto org = req.header("x-aims-org")) o["org"] = org->substr(0, 64);
  spdlog::warn(json::serialize(o));
}

/// The credential of an `Authorization: Bearer <credential>` header (either case of "Bearer"),
/// or nullopt when the header is absent or of another scheme.
std::optional<std::string> bearer_credential(const Request& req) {
  auto authz = req.header("authorization");
  if (!authz) return std::nullopt;
  std::string_view a = *authz;
  if (a.size() <= 7 || (a.substr(0, 7) != "Bearer " && a.substr(0, 7) != "bearer ")) return std::nullopt;
  return std::string(a.substr(7));
}

/// A non-secret name of a credential: the start of its SHA-256 (the store keeps the full hash).
std::string hash_prefix(const std::string& secret) { return crypto::sha256_hex(secret).substr(0, 16); }

}  // namespace

Api::Api(Services svc, StaticFiles web, ApiOptions opts, const std::function<void(Operations&)>& add_operations)
    : svc_(svc), web_(std::move(web)), opts_(opts), openapi_json_(openapi_as_json()) {
  Operations operations;
  add_core_operations(operations, openapi_json_);
  operations.add("getMetrics", [this](Context& c) { return metrics(c); });
  add_operations(operations);
  router_ = route_table(json::parse(openapi_json_).as_object(), operations);
}

Response Api::handle(Request& req) {
  auto started = std::chrono::steady_clock::now();
  Response res;
  std::string route;
  try {
    res = dispatch(req, route);
  } catch (const ErrorException& e) {
    spdlog::error(json::serialize(json::object{{"event", "handler failed"}, {"id", req.request_id}, {"error", e.what()}}));
    res = problem(errc::internal, "An unexpected error occurred; it has been logged as " + req.request_id + ".");
  } catch (const std::exception& e) {
    spdlog::error(json::serialize(json::object{{"event", "handler failed"}, {"id", req.request_id}, {"error", e.what()}}));
    res = problem(errc::internal, "An unexpected error occurred; it has been logged as " + req.request_id + ".");
  }
  if (req.method == "HEAD") {  // every answer to HEAD, refusals included, without its body
    res.body.clear();
    res.stream_body.reset();
  }
  if (res.status == 401 || res.status == 403) log_refusal(req, res.status);
  add_standard_headers(res, req);
  metrics_.observe(req.method, route, res.status,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return res;
}

Response Api::metrics(Context& c) const {
  // Off unless the operator set a token (then no credential is good); else only that token,
  // compared as hashes in constant time.
  if (opts_.metrics_token_sha256.empty())
    return problem(errc::unauthenticated, "Metrics are off: start the server with metrics_token_file set (docs/operations.md).",
                   c.req.path);
  auto token = bearer_credential(c.req);
  if (!token) return problem(errc::unauthenticated, "Send the metrics token: 'Authorization: Bearer <token>'.", c.req.path);
  if (!crypto::equal_ct(crypto::sha256_hex(*token), opts_.metrics_token_sha256))
    return problem(errc::unauthenticated, "That is not the metrics token.", c.req.path);
  Metrics::StoreFigures figures;
  figures.tx = store::tx_figures();
  // Read after the counters, so this scrape's own read is in the next one.
  figures.database_up = static_cast<bool>(c.svc.store.read([&](store::ReadTx& r) -> status {
    auto orgs = r.list_orgs();
    figures.organizations = static_cast<std::int64_t>(orgs.size());
    for (std::size_t i = 0; i < orgs.size() && i < Metrics::kMaxOrgSeries; ++i)
      figures.audit_sizes.emplace_back(orgs[i].id, r.audit_size(orgs[i].id));
    return ok();
  }));
  Response res;
  res.status = 200;
  res.content_type = "text/plain; version=0.0.4; charset=utf-8";
  res.body = metrics_.render(figures);
  res.set_header("Cache-Control", "no-store");
  return res;
}

bool Api::streams_body(const Request& req) const {
  auto m = router_.match(req.method, req.path);
  return m.route && m.route->streams_body;
}

Response Api::dispatch(Request& req, std::string& route) {
  auto m = router_.match(req.method, req.path);
  if (m.route) route = m.route->pattern;
  if (!m.route) {
    if (m.path_known) {
      auto r = problem(errc::method_not_allowed,
                       req.method + " is not supported on " + req.path + "; use " + m.allowed + ".", req.path);
      r.set_header("Allow", m.allowed);
      return r;
    }
    if (req.method == "GET" || req.method == "HEAD")
      if (auto r = web_.serve(req.path)) return *r;
    return problem(errc::not_found, "No resource at " + req.path + ".", req.path);
  }
  req.params = std::move(m.params);
  Context ctx{req, svc_, std::nullopt, std::nullopt, opts_.secure_cookies, opts_.trust_forwarded_for};
  std::optional<ledger::ActorScope> audit_actor;  // who the audit log names for this request's writes

  if (m.route->access != Access::open) {
    std::optional<result<accounts::Principal>> who;
    if (req.header("authorization")) {
      auto token = bearer_credential(req);
      if (!token) return problem(errc::unauthenticated, "Use 'Authorization: Bearer <token>'.", req.path);
      req.log_identity.emplace_back("token_sha256", hash_prefix(*token));
      who = svc_.auth.from_api_token(*token);
    } else if (auto c = req.cookie(session_cookie_name(opts_.secure_cookies))) {
      req.log_identity.emplace_back("session_sha256", hash_prefix(*c));
      who = svc_.auth.from_session(*c);
    }
    if (!who) return problem(errc::unauthenticated, "Log in or send an API token.", req.path);
    if (!*who) return problem((*who).error(), req.path);
    ctx.principal = std::move(**who);
    req.log_identity.emplace_back("user", ctx.principal->user.id);
    audit_actor.emplace(ctx.principal->user.email);  // the request runs wholly on this thread
    // Cookie sessions must prove the page that sends a write is ours.
    bool safe = req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS";
    if (ctx.principal->via_session && !safe) {
      auto token = req.header("x-csrf-token");
      if (!token || !crypto::equal_ct(*token, ctx.principal->csrf_token))
        return problem(errc::forbidden, "Missing or wrong X-CSRF-Token header for a cookie session.", req.path);
    }
    if (ctx.principal->token_scope == "read" && !safe)
      return problem(errc::forbidden, "This API token's scope is read: it may not change anything.", req.path);
    if (m.route->access == Access::member) {
      auto actor = accounts::AuthService::act_as(*ctx.principal, req.header("x-aims-org"));
      if (!actor) return problem(actor.error(), req.path);
      ctx.actor = std::move(*actor);
      req.log_identity.emplace_back("org", ctx.actor->org_id);
    }
  }
  return m.route->handler(ctx);
}

}  // namespace aims::http
