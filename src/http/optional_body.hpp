// The handlers' call with a JSON body that may be empty (an empty body counts as {}), for actions
// whose body is optional (approve with or without a comment). Stateless; thread-safe.
#pragma once
#include "http/handler_util.hpp"

namespace aims::http::handlers {

/// Calls `f` with the request's JSON body, an empty body counting as {}, or answers the problem
/// of a malformed one.
template <class F>
Response with_optional_body(Context& c, F&& f) {
  auto body = optional_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  return f(*body);
}

}  // namespace aims::http::handlers
