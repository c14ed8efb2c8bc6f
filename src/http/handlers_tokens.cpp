// Handlers of API tokens, membership removal and member deactivation, and the client address the log-in throttle uses.
#include "core/text.hpp"
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {

std::string client_address(const Context& c) {
  if (c.trust_forwarded_for) {
    if (auto xff = c.req.header("x-forwarded-for")) {
      // The last entry is the one the trusted proxy added; earlier ones are the client's to forge.
      auto last = text::trim(xff->substr(xff->rfind(',') == std::string::npos ? 0 : xff->rfind(',') + 1));
      if (!last.empty() && last.size() <= 64) return last;
    }
  }
  return c.req.peer;
}

Response list_tokens(Context& c) {
  auto r = c.svc.auth.tokens().list(*c.actor);
  if (!r) return problem(r.error(), c.req.path);
  return json_response(200, *r);
}

Response create_token(Context& c) {
  auto body = parse_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  auto r = c.svc.auth.tokens().create(*c.actor, *body);
  if (!r) return problem(r.error(), c.req.path);
  return json_response(201, *r);
}

Response revoke_token(Context& c) {
  if (auto st = c.svc.auth.tokens().revoke(*c.actor, c.req.params.at("id")); !st)
    return problem(st.error(), c.req.path);
  return no_content();
}

Response remove_member(Context& c) {
  if (auto st = c.svc.auth.tokens().remove_member(*c.actor, c.req.params.at("user")); !st)
    return problem(st.error(), c.req.path);
  return no_content();
}

Response deactivate_member(Context& c) {
  if (auto st = c.svc.auth.users().deactivate(*c.actor, c.req.params.at("user")); !st) return problem(st.error(), c.req.path);
  return no_content();
}

Response reactivate_member(Context& c) {
  if (auto st = c.svc.auth.users().reactivate(*c.actor, c.req.params.at("user")); !st) return problem(st.error(), c.req.path);
  return no_content();
}

}  // namespace aims::http::handlers
