// Handlers of the AI objectives and their readings (ISO/IEC 42001 clause 6.2).
#include "http/handler_util.hpp"
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response list_objectives(Context& c) {
  return json_or_problem(c, c.svc.objectives.list(*c.actor, c.req.query));
}

Response objectives_summary(Context& c) { return json_or_problem(c, c.svc.objectives.summary(*c.actor)); }

Response create_objective(Context& c) {
  return created_view(c, "/api/v1/objectives/", [&](json::value& body) { return c.svc.objectives.create(*c.actor, body); });
}

Response get_objective(Context& c) { return view_or_problem(c, c.svc.objectives.get(*c.actor, c.req.params.at("id"))); }

Response update_objective(Context& c) {
  return changed_view(c, [&](json::value& body) {
    return c.svc.objectives.update(*c.actor, c.req.params.at("id"), body, if_match(c));
  });
}

Response objective_history(Context& c) {
  return json_or_problem(c, c.svc.objectives.history(*c.actor, c.req.params.at("id"), c.req.query_param("limit"),
                                                     c.req.query_param("cursor")));
}

Response list_objective_readings(Context& c) {
  return json_or_problem(c, c.svc.readings.list(*c.actor, c.req.params.at("id"), c.req.query_param("limit"),
                                                c.req.query_param("cursor")));
}

Response add_objective_reading(Context& c) {
  return with_json_body(c, [&](json::value& body) {
    return json_or_problem(c, c.svc.readings.add(*c.actor, c.req.params.at("id"), body), 201);
  });
}

Response push_objective_readings(Context& c) {
  return with_json_body(
      c, [&](json::value& body) { return json_or_problem(c, c.svc.readings.push(*c.actor, body), 201); }, 4 << 20);
}

Response delete_objective_reading(Context& c) {
  return empty_or_problem(c, c.svc.readings.remove(*c.actor, c.req.params.at("id"), c.req.params.at("reading_id")));
}

}  // namespace aims::http::handlers
