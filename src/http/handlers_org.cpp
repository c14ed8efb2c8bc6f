// Handlers of the organization settings: parse, call OrgSettingsService, map the result.
#include "http/handler_util.hpp"
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response get_org_settings(Context& c, const OrgSettingsServices& s) { return view_or_problem(c, s.org_settings.get(*c.actor)); }

Response put_org_settings(Context& c, const OrgSettingsServices& s) {
  return changed_view(c, [&](json::value& body) { return s.org_settings.put(*c.actor, body, if_match(c)); });
}

}  // namespace aims::http::handlers
