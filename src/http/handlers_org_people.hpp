// Handlers of the people of an organization: the members list, role changes, forced password
// resets, invitations and the public pages of one-time links, new and renamed organizations, and
// one's own name. Bound by
// the accounts area (src/app/areas/accounts.cpp). Stateless; thread-safe.
#pragma once
#include "domain/accounts/invitation_service.hpp"
#include "domain/accounts/member_service.hpp"
#include "domain/accounts/profile_service.hpp"
#include "http/api.hpp"

namespace aims::http {

struct PeopleServices {
  accounts::MemberService& members;
  accounts::InvitationService& invitations;
  accounts::ProfileService& profile;
};

}  // namespace aims::http

namespace aims::http::handlers {

Response list_members(Context& c, const PeopleServices& s);
Response change_member_role(Context& c, const PeopleServices& s);
Response reset_member_password(Context& c, const PeopleServices& s);
Response create_invitation(Context& c, const PeopleServices& s);
Response list_invitations(Context& c, const PeopleServices& s);
Response revoke_invitation(Context& c, const PeopleServices& s);
Response get_invitation(Context& c, const PeopleServices& s);
Response accept_invitation(Context& c, const PeopleServices& s);
Response join_invitation(Context& c, const PeopleServices& s);
Response get_password_reset(Context& c, const PeopleServices& s);
Response complete_password_reset(Context& c, const PeopleServices& s);
Response create_organization(Context& c, const PeopleServices& s);
Response rename_organization(Context& c, const PeopleServices& s);
Response update_me(Context& c, const PeopleServices& s);

}  // namespace aims::http::handlers
