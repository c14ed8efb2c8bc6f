// Handlers of the action tracker: GET /api/v1/actions (one list of every record's actions).
#include "http/handlers_actions.hpp"

#include "http/handler_util.hpp"

namespace aims::http::handlers {

Response list_actions(Context& c, const ActionServices& s) { return json_or_problem(c, s.actions.list(*c.actor, c.req.query)); }

}  // namespace aims::http::handlers
