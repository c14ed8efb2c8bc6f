// Handlers of the risk criteria and the AI risk register: parse, call the risk services, map.
#include <boost/json.hpp>

#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

namespace {

Response versioned(int status, const risk::Versioned& v) {
  auto r = json_response(status, v.json);
  r.set_header("ETag", "\"v" + std::to_string(v.version) + "\"");
  return r;
}

/// A JSON body where one is optional (an empty body counts as {}).
result<json::value> optional_body(const Request& req) {
  if (req.body.empty()) return json::value(json::object());
  return parse_json_body(req);
}

}  // namespace

Response get_risk_criteria(Context& c) {
  auto r = c.svc.risk_criteria.get(*c.actor);
  if (!r) return problem(r.error(), c.req.path);
  return versioned(200, *r);
}

Response put_risk_criteria(Context& c) {
  auto body = parse_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  auto r = c.svc.risk_criteria.put(*c.actor, *body, c.req.header("if-match"));
  if (!r) return problem(r.error(), c.req.path);
  return versioned(200, *r);
}

Response list_risks(Context& c) {
  auto r = c.svc.risks.list(*c.actor, c.req.query);
  if (!r) return problem(r.error(), c.req.path);
  std::string body;
  body.reserve(r->items_json.size() + 96);
  body += R"({"items":)";
  body += r->items_json;
  body += R"(,"total":)";
  body += std::to_string(r->total);
  body += R"(,"overdue_reviews":)";
  body += std::to_string(r->overdue_reviews);
  if (r->next) {
    body += R"(,"next":)";
    body += json::serialize(json::value(*r->next));
  }
  body += '}';
  return json_response(200, std::move(body));
}

Response create_risk(Context& c) {
  auto body = parse_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  auto r = c.svc.risks.create(*c.actor, *body);
  if (!r) return problem(r.error(), c.req.path);
  auto res = versioned(201, *r);
  res.set_header("Location", "/api/v1/risks/" + r->id);
  return res;
}

Response risk_heatmap(Context& c) {
  auto r = c.svc.risks.heatmap(*c.actor, c.req.query_param("system_id"));
  if (!r) return problem(r.error(), c.req.path);
  return json_response(200, std::move(*r));
}

Response get_risk(Context& c) {
  auto r = c.svc.risks.get(*c.actor, c.req.params.at("id"));
  if (!r) return problem(r.error(), c.req.path);
  return versioned(200, *r);
}

Response update_risk(Context& c) {
  auto body = parse_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  auto r = c.svc.risks.update(*c.actor, c.req.params.at("id"), *body, c.req.header("if-match"));
  if (!r) return problem(r.error(), c.req.path);
  return versioned(200, *r);
}

Response risk_history(Context& c) {
  auto r = c.svc.risks.history(*c.actor, c.req.params.at("id"), c.req.query_param("limit"), c.req.query_param("cursor"));
  if (!r) return problem(r.error(), c.req.path);
  return json_response(200, std::move(*r));
}

Response accept_risk(Context& c) {
  auto body = parse_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  auto r = c.svc.risks.accept(*c.actor, c.req.params.at("id"), *body, c.req.header("if-match"));
  if (!r) return problem(r.error(), c.req.path);
  return versioned(200, *r);
}

Response withdraw_risk_acceptance(Context& c) {
  auto body = optional_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  auto r = c.svc.risks.withdraw(*c.actor, c.req.params.at("id"), *body, c.req.header("if-match"));
  if (!r) return problem(r.error(), c.req.path);
  return versioned(200, *r);
}

}  // namespace aims::http::handlers
