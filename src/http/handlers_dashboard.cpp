// Handler of the dashboard: every card's figures in one answer (src/domain/dashboard/).
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {

Response get_dashboard(Context& c, const DashboardServices& s) {
  auto r = s.dashboard.figures(*c.actor);
  if (!r) return problem(r.error(), c.req.path);
  return json_response(200, std::move(*r));
}

}  // namespace aims::http::handlers
