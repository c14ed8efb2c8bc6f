#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {
using assessment::AssessmentService;

namespace {

Response versioned(int status, const assessment::Versioned& v) {
  auto r = json_response(status, v.json);
  r.set_header("ETag", AssessmentService::etag(v.version));
  return r;
}

template <class F>
Response with_body(Context& c, F&& f) {
  auto body = parse_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  return f(*body);
}

Response text_or_problem(Context& c, const result<std::string>& r) {
  if (!r) return problem(r.error(), c.req.path);
  return json_response(200, *r);
}

}  // namespace

Response list_assessments(Context& c) {
  return text_or_problem(c, c.svc.assessments.list(*c.actor, c.req.query_param("limit"), c.req.query_param("cursor")));
}

Response create_assessment(Context& c) {
  return with_body(c, [&](const boost::json::value& b) {
    auto r = c.svc.assessments.create(*c.actor, b);
    if (!r) return problem(r.error(), c.req.path);
    auto res = versioned(201, *r);
    auto id = boost::json::parse(r->json).at("id").as_string();
    res.set_header("Location", "/api/v1/assessments/" + std::string(id));
    return res;
  });
}

Response get_assessment(Context& c) {
  auto r = c.svc.assessments.get(*c.actor, c.req.params.at("id"));
  if (!r) return problem(r.error(), c.req.path);
  return versioned(200, *r);
}

Response update_assessment(Context& c) {
  return with_body(c, [&](const boost::json::value& b) {
    auto r = c.svc.assessments.update(*c.actor, c.req.params.at("id"), b, c.req.header("if-match"));
    if (!r) return problem(r.error(), c.req.path);
    return versioned(200, *r);
  });
}

Response list_answers(Context& c) { return text_or_problem(c, c.svc.assessments.answers(*c.actor, c.req.params.at("id"))); }

Response get_answer(Context& c) {
  auto r = c.svc.assessments.answer(*c.actor, c.req.params.at("id"), c.req.params.at("item_id"));
  if (!r) return problem(r.error(), c.req.path);
  return versioned(200, *r);
}

Response put_answer(Context& c) {
  return with_body(c, [&](const boost::json::value& b) {
    auto r = c.svc.assessments.put_answer(*c.actor, c.req.params.at("id"), c.req.params.at("item_id"), b,
                                          c.req.header("if-match"));
    if (!r) return problem(r.error(), c.req.path);
    return versioned(200, *r);
  });
}

Response assessment_results(Context& c) {
  return text_or_problem(c, c.svc.assessments.results(*c.actor, c.req.params.at("id")));
}

Response compare_assessments(Context& c) {
  return text_or_problem(c, c.svc.assessments.compare(*c.actor, c.req.params.at("id"), c.req.params.at("other_id")));
}

Response get_roadmap(Context& c) { return text_or_problem(c, c.svc.assessments.roadmap(*c.actor, c.req.params.at("id"))); }

Response generate_roadmap(Context& c) {
  return with_body(c, [&](const boost::json::value& b) {
    return text_or_problem(c, c.svc.assessments.generate_roadmap(*c.actor, c.req.params.at("id"), b));
  });
}

Response update_roadmap_action(Context& c) {
  return with_body(c, [&](const boost::json::value& b) {
    auto r = c.svc.assessments.update_action(*c.actor, c.req.params.at("id"), c.req.params.at("action_id"), b,
                                             c.req.header("if-match"));
    if (!r) return problem(r.error(), c.req.path);
    return versioned(200, *r);
  });
}

}  // namespace aims::http::handlers
