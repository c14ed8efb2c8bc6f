// Handlers of the risk criteria and the AI risk register: parse, call the risk services, map.
#include <boost/json.hpp>

#include "http/handler_util.hpp"
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response get_risk_criteria(Context& c, const RiskServices& s) { return document_view(c, s.risk_criteria); }

Response put_risk_criteria(Context& c, const RiskServices& s) { return document_put(c, s.risk_criteria); }

Response list_risks(Context& c, const RiskServices& s) {
  auto r = s.risks.list(*c.actor, c.req.query);
  if (!r) return problem(r.error(), c.req.path);
  return json_response(200, list_page_json(r->items_json, r->total, r->next,
                                            R"(,"overdue_reviews":)" + std::to_string(r->overdue_reviews)));
}

Response create_risk(Context& c, const RiskServices& s) {
  return created_view(c, "/api/v1/risks/", [&](json::value& body) { return s.risks.create(*c.actor, body); });
}

Response risk_heatmap(Context& c, const RiskServices& s) { return json_or_problem(c, s.risks.heatmap(*c.actor, c.req.query_param("system_id"))); }

Response get_risk(Context& c, const RiskServices& s) { return record_view(c, s.risks); }

Response update_risk(Context& c, const RiskServices& s) {
  return record_update(c, s.risks);
}

Response risk_history(Context& c, const RiskServices& s) {
  return record_history(c, s.risks);
}

Response accept_risk(Context& c, const RiskServices& s) {
  return changed_view(c, [&](json::value& body) {
    return s.risks.accept(*c.actor, c.req.params.at("id"), body, if_match(c));
  });
}

Response withdraw_risk_acceptance(Context& c, const RiskServices& s) {
  auto body = optional_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  return view_or_problem(c, s.risks.withdraw(*c.actor, c.req.params.at("id"), *body, if_match(c)));
}

}  // namespace aims::http::handlers
