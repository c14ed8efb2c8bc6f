// Handler of the legal register's EU AI Act obligations: pass the query on, map the result.
#include "http/handlers_legal.hpp"

#include "http/handler_util.hpp"

namespace aims::http::handlers {

Response legal_eu_ai_act_obligations(Context& c, const LegalRegisterServices& s) {
  return json_or_problem(c, s.legal.eu_ai_act(*c.actor, c.req.query));
}

}  // namespace aims::http::handlers
