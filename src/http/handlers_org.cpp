// Handlers of the organization settings: parse, call OrgSettingsService, map the result.
#include "http/handler_util.hpp"
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response get_org_settings(Context& c, const OrgSettingsServices& s) { return document_view(c, s.org_settings); }

Response put_org_settings(Context& c, const OrgSettingsServices& s) { return document_put(c, s.org_settings); }

}  // namespace aims::http::handlers
