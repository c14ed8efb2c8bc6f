// EU AI Act routes: the classification questionnaire, a system's classification and its saved
// versions, the obligations register and the systems whose classification needs a re-check.
#include "http/handler_util.hpp"
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response get_euact_questionnaire(Context& c, const EuActServices& s) { return json_response(200, s.classifications.questionnaire_json()); }

Response list_euact_rechecks(Context& c, const EuActServices& s) { return json_or_problem(c, s.obligations.rechecks(*c.actor)); }

Response get_classification(Context& c, const EuActServices& s) {
  return record_view(c, s.classifications);
}

Response put_classification(Context& c, const EuActServices& s) {
  return with_json_body(c, [&](json::value& body) {
    const auto& id = c.req.params.at("id");
    auto r = s.classifications.put(*c.actor, id, body, if_match(c));
    if (!r) return problem(r.error(), c.req.path);
    auto res = versioned_json(r->version == 1 ? 201 : 200, std::move(r->json), r->version);
    if (r->version == 1) res.set_header("Location", "/api/v1/systems/" + id + "/classification");
    return res;
  });
}

Response classification_history(Context& c, const EuActServices& s) {
  return record_history(c, s.classifications);
}

Response list_obligations(Context& c, const EuActServices& s) {
  return json_or_problem(c, s.obligations.list(*c.actor, c.req.query));
}

Response get_obligation(Context& c, const EuActServices& s) {
  return view_or_problem(c, s.obligations.get(*c.actor, c.req.params.at("system_id"), c.req.params.at("obligation_id")));
}

Response update_obligation(Context& c, const EuActServices& s) {
  return changed_view(c, [&](json::value& body) {
    return s.obligations.update(*c.actor, c.req.params.at("system_id"), c.req.params.at("obligation_id"), body,
                                    if_match(c));
  });
}

}  // namespace aims::http::handlers
