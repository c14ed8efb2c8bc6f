// Handlers of the people of an organization: the members list, the member directory, role changes, forced password
// resets, invitations and the public pages of one-time links, new and renamed organizations, and
// one's own name. Bound by
// the accounts area (src/app/areas/accounts.cpp). Stateless; thread-safe.
#pragma once
#include "domain/accounts/invitation_service.hpp"
#include "domain/accounts/member_service.hpp"
#include "domain/accounts/profile_service.hpp"
#include "http/api.hpp"

namespace aims::http {

struct AccountServices {
  accounts::MemberService& members;
  accounts::InvitationService& invitations;
  accounts::ProfileService& profile;
};

AIMS_HANDLERS(AccountServices, list_members, change_member_role, reset_member_password, create_invitation,
              list_invitations, revoke_invitation, get_invitation, accept_invitation, join_invitation,
              get_password_reset, complete_password_reset, create_organization, rename_organization,
              update_me, list_member_directory)

}  // namespace aims::http
