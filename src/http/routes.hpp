// Route registration shared by every area's route file (routes_<area>.cpp): the binding of an
// area's handlers to its services, and the routes of no area (health, the OpenAPI document, the
// account routes that use the Context's cross-cutting services). Used at start-up only.
#pragma once
#include <string>

#include "http/router.hpp"

namespace aims::http {

/// Turns an area's handler `Response f(Context&, const S&)` into a route Handler holding a copy of
/// `s`, a struct of references to the area's services: `auto h = bind_services(s); h(list_risks)`.
template <class S>
auto bind_services(S s) {
  return [s](Response (*fn)(Context&, const S&)) -> Handler { return [fn, s](Context& c) { return fn(c, s); }; };
}

/// GET /healthz and GET /api/v1/openapi.json (routes.cpp).
void register_core_routes(Router& r, const std::string& openapi_json);
/// Login, logout, password, me, API tokens and organization members (routes.cpp).
void register_account_routes(Router& r);

}  // namespace aims::http
