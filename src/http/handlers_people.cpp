// Handlers of the competence matrix and of training completions (ISO/IEC 42001 7.2, 7.3).
#include "http/handlers_people.hpp"

#include "http/handler_util.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response competence_matrix(Context& c, const PeopleServices& s) {
  return json_or_problem(c, s.competence.matrix(*c.actor, c.req.query));
}

Response list_training_completions(Context& c, const PeopleServices& s) {
  return json_or_problem(c, s.training.completions(*c.actor, c.req.params.at("id")));
}

Response complete_training(Context& c, const PeopleServices& s) {
  return with_json_body(c, [&](json::value& body) {
    return json_or_problem(c, s.training.complete(*c.actor, c.req.params.at("id"), body), 201);
  });
}

}  // namespace aims::http::handlers
