// Handlers of the AIMS scope: parse, call ScopeService, map the result.
#include "http/handlers_scope.hpp"

#include "http/handler_util.hpp"
#include "http/optional_body.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response get_scope(Context& c, const ScopeServices& s) { return view_or_problem(c, s.scope.get(*c.actor)); }

Response put_scope(Context& c, const ScopeServices& s) {
  return changed_view(c, [&](json::value& body) { return s.scope.put(*c.actor, body, if_match(c)); });
}

Response submit_scope(Context& c, const ScopeServices& s) {
  return changed_view(c, [&](json::value& body) { return s.scope.submit(*c.actor, body, if_match(c)); });
}

Response approve_scope(Context& c, const ScopeServices& s) {
  return with_optional_body(c, [&](json::value& body) { return view_or_problem(c, s.scope.decide(*c.actor, true, body, if_match(c))); });
}

Response reject_scope(Context& c, const ScopeServices& s) {
  return with_optional_body(c, [&](json::value& body) { return view_or_problem(c, s.scope.decide(*c.actor, false, body, if_match(c))); });
}

Response preview_scope(Context& c, const ScopeServices& s) {
  return with_json_body(c, [&](json::value& body) { return json_or_problem(c, s.scope.preview(*c.actor, body)); });
}

Response scope_history(Context& c, const ScopeServices& s) {
  return json_or_problem(c, s.scope.history(*c.actor, c.req.query_param("limit"), c.req.query_param("cursor")));
}

}  // namespace aims::http::handlers
