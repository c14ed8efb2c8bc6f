// Handlers of the AI objectives and their readings (ISO/IEC 42001 clause 6.2).
#include "http/handler_util.hpp"
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response list_objectives(Context& c, const ObjectiveServices& s) {
  return json_or_problem(c, s.objectives.list(*c.actor, c.req.query));
}

Response objectives_summary(Context& c, const ObjectiveServices& s) { return json_or_problem(c, s.objectives.summary(*c.actor)); }

Response create_objective(Context& c, const ObjectiveServices& s) {
  return created_view(c, "/api/v1/objectives/", [&](json::value& body) { return s.objectives.create(*c.actor, body); });
}

Response get_objective(Context& c, const ObjectiveServices& s) { return record_view(c, s.objectives); }

Response update_objective(Context& c, const ObjectiveServices& s) {
  return record_update(c, s.objectives);
}

Response objective_history(Context& c, const ObjectiveServices& s) {
  return record_history(c, s.objectives);
}

Response list_objective_readings(Context& c, const ObjectiveServices& s) {
  return json_or_problem(c, s.readings.list(*c.actor, c.req.params.at("id"), c.req.query_param("limit"),
                                                c.req.query_param("cursor")));
}

Response add_objective_reading(Context& c, const ObjectiveServices& s) {
  return with_json_body(c, [&](json::value& body) {
    return json_or_problem(c, s.readings.add(*c.actor, c.req.params.at("id"), body), 201);
  });
}

Response push_objective_readings(Context& c, const ObjectiveServices& s) {
  return with_json_body(
      c, [&](json::value& body) { return json_or_problem(c, s.readings.push(*c.actor, body), 201); }, 4 << 20);
}

Response delete_objective_reading(Context& c, const ObjectiveServices& s) {
  return empty_or_problem(c, s.readings.remove(*c.actor, c.req.params.at("id"), c.req.params.at("reading_id")));
}

}  // namespace aims::http::handlers
