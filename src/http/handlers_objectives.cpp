// Handlers of the AI objectives and their readings (ISO/IEC 42001 clause 6.2).
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {

namespace {

Response view_response(int status, const records::Versioned& v) {
  auto r = json_response(status, v.json);
  r.set_header("ETag", records::etag(v.version));
  return r;
}

Response text_or_problem(Context& c, const result<std::string>& r, int status = 200) {
  if (!r) return problem(r.error(), c.req.path);
  return json_response(status, *r);
}

}  // namespace

Response list_objectives(Context& c) {
  return text_or_problem(c, c.svc.objectives.list(*c.actor, c.req.query));
}

Response objectives_summary(Context& c) { return text_or_problem(c, c.svc.objectives.summary(*c.actor)); }

Response create_objective(Context& c) {
  auto body = parse_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  auto r = c.svc.objectives.create(*c.actor, *body);
  if (!r) return problem(r.error(), c.req.path);
  auto res = view_response(201, *r);
  res.set_header("Location", "/api/v1/objectives/" + r->id);
  return res;
}

Response get_objective(Context& c) {
  auto r = c.svc.objectives.get(*c.actor, c.req.params.at("id"));
  if (!r) return problem(r.error(), c.req.path);
  return view_response(200, *r);
}

Response update_objective(Context& c) {
  auto body = parse_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  auto r = c.svc.objectives.update(*c.actor, c.req.params.at("id"), *body, c.req.header("if-match"));
  if (!r) return problem(r.error(), c.req.path);
  return view_response(200, *r);
}

Response objective_history(Context& c) {
  return text_or_problem(c, c.svc.objectives.history(*c.actor, c.req.params.at("id"), c.req.query_param("limit"),
                                                     c.req.query_param("cursor")));
}

Response list_objective_readings(Context& c) {
  return text_or_problem(c, c.svc.readings.list(*c.actor, c.req.params.at("id"), c.req.query_param("limit"),
                                                c.req.query_param("cursor")));
}

Response add_objective_reading(Context& c) {
  auto body = parse_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  return text_or_problem(c, c.svc.readings.add(*c.actor, c.req.params.at("id"), *body), 201);
}

Response push_objective_readings(Context& c) {
  auto body = parse_json_body(c.req, 4 << 20);
  if (!body) return problem(body.error(), c.req.path);
  return text_or_problem(c, c.svc.readings.push(*c.actor, *body), 201);
}

Response delete_objective_reading(Context& c) {
  auto r = c.svc.readings.remove(*c.actor, c.req.params.at("id"), c.req.params.at("reading_id"));
  if (!r) return problem(r.error(), c.req.path);
  return no_content();
}

}  // namespace aims::http::handlers
