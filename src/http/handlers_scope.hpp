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

AIMS_HANDLERS(ScopeServices, get_scope, put_scope, submit_scope, approve_scope, reject_scope, preview_scope,
              scope_history)

}  // namespace aims::http
