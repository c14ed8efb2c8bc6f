#include "http/handlers_org_people.hpp"

#include "http/handler_util.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {

Response list_members(Context& c, const AccountServices& s) { return json_or_problem(c, s.members.list(*c.actor)); }

Response list_member_directory(Context& c, const AccountServices& s) {
  return json_or_problem(c, s.members.directory(*c.actor, c.req.query));
}

Response change_member_role(Context& c, const AccountServices& s) {
  return with_json_body(c, [&](boost::json::value& body) {
    return json_or_problem(c, s.members.change_role(*c.actor, c.req.params.at("user"), body));
  });
}

Response reset_member_password(Context& c, const AccountServices& s) {
  return json_or_problem(c, s.members.force_reset(*c.actor, c.req.params.at("user")), 201);
}

Response create_invitation(Context& c, const AccountServices& s) {
  return with_json_body(c, [&](boost::json::value& body) { return json_or_problem(c, s.invitations.create(*c.actor, body), 201); });
}

Response list_invitations(Context& c, const AccountServices& s) {
  return json_or_problem(c, s.invitations.list(*c.actor, c.req.query_param("limit"), c.req.query_param("cursor")));
}

Response revoke_invitation(Context& c, const AccountServices& s) {
  if (auto st = s.invitations.revoke(*c.actor, c.req.params.at("id")); !st) return problem(st.error(), c.req.path);
  return no_content();
}

Response get_invitation(Context& c, const AccountServices& s) {
  return json_or_problem(c, s.invitations.preview(c.req.params.at("token")));
}

Response accept_invitation(Context& c, const AccountServices& s) {
  return with_json_body(c, [&](boost::json::value& body) {
    return json_or_problem(c, s.invitations.accept(c.req.params.at("token"), body), 201);
  }, 16 * 1024);
}

Response join_invitation(Context& c, const AccountServices& s) {
  return json_or_problem(c, s.invitations.join(*c.principal, c.req.params.at("token")), 201);
}

Response get_password_reset(Context& c, const AccountServices& s) {
  return json_or_problem(c, s.members.preview_reset(c.req.params.at("token")));
}

Response complete_password_reset(Context& c, const AccountServices& s) {
  return with_json_body(c, [&](boost::json::value& body) {
    if (auto st = s.members.complete_reset(c.req.params.at("token"), body); !st) return problem(st.error(), c.req.path);
    return no_content();
  }, 16 * 1024);
}

Response create_organization(Context& c, const AccountServices& s) {
  return with_json_body(c, [&](boost::json::value& body) { return json_or_problem(c, s.members.create_org(*c.principal, body), 201); });
}

Response rename_organization(Context& c, const AccountServices& s) {
  return with_json_body(c, [&](boost::json::value& body) { return json_or_problem(c, s.profile.rename_org(*c.actor, body)); });
}

Response update_me(Context& c, const AccountServices& s) {
  return with_json_body(c, [&](boost::json::value& body) { return json_or_problem(c, s.profile.rename_self(*c.principal, body)); },
                        16 * 1024);
}

}  // namespace aims::http::handlers
