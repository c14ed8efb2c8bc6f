// The routes of no area: health, the OpenAPI document and the accounts (their handlers use the
// Context's cross-cutting services). Each area registers its own routes (routes_<area>.cpp); the
// composition root (src/app/) calls them all, and tests/unit checks the table against
// api/openapi.yaml.
#include "http/routes.hpp"

#include "http/handlers.hpp"

namespace aims::http {

void register_core_routes(Router& r, const std::string& openapi_json) {
  using namespace handlers;
  r.add("GET", "/healthz", Access::open, health);
  r.add("GET", "/api/v1/openapi.json", Access::open, [openapi_json](Context&) { return json_response(200, openapi_json); });
}

void register_account_routes(Router& r) {
  using namespace handlers;
  r.add("POST", "/api/v1/auth/login", Access::open, login);
  r.add("POST", "/api/v1/auth/logout", Access::user, logout);
  r.add("POST", "/api/v1/auth/password", Access::user, change_password);
  r.add("GET", "/api/v1/me", Access::member, me);
  r.add("GET", "/api/v1/tokens", Access::member, list_tokens);
  r.add("POST", "/api/v1/tokens", Access::member, create_token);
  r.add("DELETE", "/api/v1/tokens/{id}", Access::member, revoke_token);
  r.add("DELETE", "/api/v1/org/members/{user}", Access::member, remove_member);
  r.add("POST", "/api/v1/org/members/{user}/deactivate", Access::member, deactivate_member);
  r.add("POST", "/api/v1/org/members/{user}/reactivate", Access::member, reactivate_member);
}

}  // namespace aims::http
