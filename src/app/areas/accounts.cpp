// The accounts area: login, logout, password, me, API tokens and organization members. Its handlers
// use the cross-cutting AuthService the ServerApp composes (http::Services), so it owns no service.
#include "app/areas/areas.hpp"

namespace aims::app {

void add_accounts(AreaContext& a) {
  a.operations.add(AIMS_OPERATIONS(http::unbound, login, logout, change_password, me, list_tokens, create_token,
                                   revoke_token, remove_member, deactivate_member, reactivate_member));
}

}  // namespace aims::app
