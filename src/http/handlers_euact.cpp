// EU AI Act routes: the classification questionnaire, a system's classification and its saved
// versions, the obligations register and the systems whose classification needs a re-check.
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {

namespace {

std::string etag(std::int64_t version) { return "\"v" + std::to_string(version) + "\""; }

Response with_etag(int status, std::string body, std::int64_t version) {
  auto res = json_response(status, std::move(body));
  res.set_header("ETag", etag(version));
  return res;
}

}  // namespace

Response get_euact_questionnaire(Context& c) { return json_response(200, c.svc.classifications.questionnaire_json()); }

Response list_euact_rechecks(Context& c) {
  auto r = c.svc.obligations.rechecks(*c.actor);
  if (!r) return problem(r.error(), c.req.path);
  return json_response(200, std::move(*r));
}

Response get_classification(Context& c) {
  auto r = c.svc.classifications.get(*c.actor, c.req.params.at("id"));
  if (!r) return problem(r.error(), c.req.path);
  return with_etag(200, std::move(r->json), r->version);
}

Response put_classification(Context& c) {
  auto body = parse_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  const auto& id = c.req.params.at("id");
  auto r = c.svc.classifications.put(*c.actor, id, *body, c.req.header("if-match"));
  if (!r) return problem(r.error(), c.req.path);
  auto res = with_etag(r->version == 1 ? 201 : 200, std::move(r->json), r->version);
  if (r->version == 1) res.set_header("Location", "/api/v1/systems/" + id + "/classification");
  return res;
}

Response classification_history(Context& c) {
  auto r = c.svc.classifications.history(*c.actor, c.req.params.at("id"), c.req.query_param("limit"),
                                         c.req.query_param("cursor"));
  if (!r) return problem(r.error(), c.req.path);
  return json_response(200, std::move(*r));
}

Response list_obligations(Context& c) {
  auto r = c.svc.obligations.list(*c.actor, c.req.query);
  if (!r) return problem(r.error(), c.req.path);
  return json_response(200, std::move(*r));
}

Response get_obligation(Context& c) {
  auto r = c.svc.obligations.get(*c.actor, c.req.params.at("system_id"), c.req.params.at("obligation_id"));
  if (!r) return problem(r.error(), c.req.path);
  return with_etag(200, std::move(r->json), r->version);
}

Response update_obligation(Context& c) {
  auto body = parse_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  auto r = c.svc.obligations.update(*c.actor, c.req.params.at("system_id"), c.req.params.at("obligation_id"), *body,
                                    c.req.header("if-match"));
  if (!r) return problem(r.error(), c.req.path);
  return with_etag(200, std::move(r->json), r->version);
}

}  // namespace aims::http::handlers
