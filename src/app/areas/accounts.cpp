// The accounts area: login, logout, password, me, API tokens and organization members. Its handlers
// use the cross-cutting AuthService the ServerApp composes (http::Services), so it owns no service.
#include "app/areas/areas.hpp"
#include "http/routes.hpp"

namespace aims::app {

void add_accounts(AreaContext& a) { http::register_account_routes(a.router); }

}  // namespace aims::app
