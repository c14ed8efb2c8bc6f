// Handlers of the organization settings: parse, call OrgSettingsService, map the result.
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {

namespace {

Response view_response(const org::View& v) {
  auto r = json_response(200, v.json);
  r.set_header("ETag", org::OrgSettingsService::etag(v.version));
  return r;
}

}  // namespace

Response get_org_settings(Context& c) {
  auto r = c.svc.org_settings.get(*c.actor);
  if (!r) return problem(r.error(), c.req.path);
  return view_response(*r);
}

Response put_org_settings(Context& c) {
  auto body = parse_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  auto r = c.svc.org_settings.put(*c.actor, *body, c.req.header("if-match"));
  if (!r) return problem(r.error(), c.req.path);
  return view_response(*r);
}

}  // namespace aims::http::handlers
