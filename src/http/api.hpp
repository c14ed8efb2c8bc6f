// The HTTP application: routes, authentication, CSRF and role context, static web files.
// `handle` turns a Request into a Response with no socket in sight. Built once by the composition
// root (src/app/), which gives each area's handlers; handle() is thread-safe (services and the store are).
#pragma once
#include <boost/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "domain/accounts/auth_service.hpp"
#include "http/metrics.hpp"
#include "http/message.hpp"
#include "http/routes.hpp"
#include "http/static_files.hpp"
#include "store/store.hpp"

namespace aims::http {

/// The cross-cutting services every request may need: the store (health) and authentication.
/// An area's services are bound to its handlers instead (handlers.hpp).
struct Services {
  store::Store& store;
  accounts::AuthService& auth;
};

/// What a handler gets: the request, and who is calling in which organization.
struct Context {
  Request& req;
  Services& svc;
  std::optional<accounts::Principal> principal;
  std::optional<accounts::Actor> actor;
  bool secure_cookies = false;
  bool trust_forwarded_for = false;  // the client address is X-Forwarded-For's last entry
};

struct ApiOptions {
  std::size_t max_json_body = 1 << 20;     // bytes
  bool secure_cookies = false;             // add Secure to the session cookie (behind TLS)
  bool trust_forwarded_for = false;        // behind one trusted reverse proxy (see Context)
  /// SHA-256 (hex) of the bearer token GET /metrics asks for; empty: /metrics is off (every request 401).
  std::string metrics_token_sha256;
};

class Api {
 public:
  /// Binds GET /healthz and GET /api/v1/openapi.json, calls `add_operations` once to add every
  /// area's handlers (the composition root's list), and makes the router of the served OpenAPI
  /// document from them (route_table): throws, naming them, if an operation has no handler or a
  /// handler no operation.
  Api(Services svc, StaticFiles web, ApiOptions opts, const std::function<void(Operations&)>& add_operations);
  Response handle(Request& req);
  /// True if the request's route streams its body (decided from method and path alone).
  bool streams_body(const Request& req) const;
  const Router& router() const { return router_; }
  /// The OpenAPI document as JSON (converted from the embedded YAML at start-up).
  const std::string& openapi_json() const { return openapi_json_; }

 private:
  /// Answers req; sets `route` to the path template it matched ("" for none).
  Response dispatch(Request& req, std::string& route);
  Response metrics(Context& c) const;
  Services svc_;
  StaticFiles web_;
  ApiOptions opts_;
  Router router_;
  std::string openapi_json_;
  Metrics metrics_;
};

/// Parses a JSON request body; bad_request/unsupported_media_type/payload_too_large on failure.
result<boost::json::value> parse_json_body(const Request& req, std::size_t max = 1 << 20);

/// Converts the embedded api/openapi.yaml to JSON text. Throws on a malformed document.
std::string openapi_as_json();

}  // namespace aims::http
