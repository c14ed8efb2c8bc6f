// Handlers of the retention periods and legal holds: parse, call RetentionService, map the result.
#include "http/handler_util.hpp"
#include "http/handlers_raci.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response get_retention(Context& c, const RetentionServices& s) { return document_view(c, s.retention); }

Response put_retention(Context& c, const RetentionServices& s) { return document_put(c, s.retention); }

Response list_legal_holds(Context& c, const RetentionServices& s) {
  return json_or_problem(c, s.retention.list_holds(*c.actor, c.req.query_param("all")));
}

Response place_legal_hold(Context& c, const RetentionServices& s) {
  return with_json_body(c, [&](json::value& body) { return view_or_problem(c, s.retention.hold(*c.actor, body), 201); });
}

Response release_legal_hold(Context& c, const RetentionServices& s) {
  return changed_view(c, [&](json::value& body) { return s.retention.release(*c.actor, body); });
}

}  // namespace aims::http::handlers
