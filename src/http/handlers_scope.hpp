// The AIMS scope's handlers (GET/PUT /api/v1/scope, submit, approve, reject, preview, history), bound to
// ScopeService by the scope area (src/app/areas/scope.cpp). Stateless; thread-safe.
#pragma once
#include "domain/scope/scope_service.hpp"
#include "http/api.hpp"

namespace aims::http {

/// The scope area's service, by reference (owned by the composition root).
struct ScopeServices {
  scope::ScopeService& scope;
};

}  // namespace aims::http

namespace aims::http::handlers {

Response get_scope(Context& c, const ScopeServices& s);
Response put_scope(Context& c, const ScopeServices& s);
Response submit_scope(Context& c, const ScopeServices& s);
Response approve_scope(Context& c, const ScopeServices& s);
Response reject_scope(Context& c, const ScopeServices& s);
Response preview_scope(Context& c, const ScopeServices& s);
Response scope_history(Context& c, const ScopeServices& s);

}  // namespace aims::http::handlers
