// Handlers of the RACI matrix and the overdue communications: parse, call one service, map the result.
#include "http/handlers_raci.hpp"

#include "http/handler_util.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response raci_index(Context& c, const RaciServices& s) { return json_or_problem(c, s.matrices.index(*c.actor)); }

Response raci_matrix(Context& c, const RaciServices& s) {
  for (const auto& [name, _] : c.req.query)
    if (name != "process" && name != "system_id")
      return problem(make_error(errc::bad_request, "The list parameters are not valid.", {{name, 0, "is not a parameter of the matrix"}}),
                     c.req.path);
  return json_or_problem(c, s.matrices.matrix(*c.actor, c.req.query_param("process"), c.req.query_param("system_id")));
}

Response overdue_communications(Context& c, const CommunicationServices& s) {
  auto r = s.overdue.overdue(*c.actor);
  if (!r) return problem(r.error(), c.req.path);
  return json_response(200, json::serialize(*r));
}

}  // namespace aims::http::handlers
