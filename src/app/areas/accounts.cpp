// The accounts area: login, logout, password, me, API tokens and organization members. Its handlers
// use the cross-cutting AuthService the ServerApp composes (http::Services); the members list,
// roles, password resets, invitations, new and renamed organizations and one's own name use the
// services it composes here.
#include "app/areas/areas.hpp"
#include "http/handlers_org_people.hpp"

namespace aims::app {

void add_accounts(AreaContext& a) {
  a.operations.add(AIMS_OPERATIONS(http::unbound, login, logout, change_password, me, list_tokens, create_token,
                                   revoke_token, remove_member, deactivate_member, reactivate_member));
  auto& members = a.services.make<accounts::MemberService>(a.infra.store, a.infra.clock, a.infra.ids);
  auto& invitations = a.services.make<accounts::InvitationService>(a.infra.store, a.infra.clock, a.infra.ids);
  auto& profile = a.services.make<accounts::ProfileService>(a.infra.store, a.infra.clock);
  a.operations.add(AIMS_OPERATIONS(http::bind_services(http::AccountServices{members, invitations, profile}), list_members,
                                   change_member_role, reset_member_password, create_invitation, list_invitations,
                                   revoke_invitation, get_invitation, accept_invitation, join_invitation,
                                   get_password_reset, complete_password_reset, create_organization,
                                   rename_organization, update_me, list_member_directory));
}

}  // namespace aims::app
