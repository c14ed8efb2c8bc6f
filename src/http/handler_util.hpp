// Glue the record handlers share: the request's JSON body, a service's result mapped to its
// response or to problem+json, records answered with their ETag, list pages, and the If-Match
// header the services check. Stateless functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/api.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {

/// The request's path parameter "id" (of a route that has one).
inline const std::string& id_of(Context& c) { return c.req.params.at("id"); }

/// "\"vN\"": the ETag of a record at version N.
std::string version_etag(std::int64_t version);

/// A JSON response carrying the ETag of `version`.
Response versioned_json(int status, std::string json, std::int64_t version);

/// A service's view (anything with `json` and `version`) as a JSON response with its ETag.
template <class View>
Response view_json(int status, const View& v) {
  return versioned_json(status, v.json, v.version);
}

/// The service's JSON text with `status`, or the problem of its error.
Response json_or_problem(Context& c, const result<std::string>& r, int status = 200);

/// The service's view with its ETag and `status`, or the problem of its error.
template <class View>
Response view_or_problem(Context& c, const result<View>& r, int status = 200) {
  if (!r) return problem(r.error(), c.req.path);
  return view_json(status, *r);
}

/// 204 No Content, or the problem of the service's error.
template <class T>
Response empty_or_problem(Context& c, const result<T>& r) {
  if (!r) return problem(r.error(), c.req.path);
  return no_content();
}

/// Calls `f` with the request's JSON body, or answers the problem of a missing or malformed one.
template <class F>
Response with_json_body(Context& c, F&& f, std::size_t max = 1 << 20) {
  auto body = parse_json_body(c.req, max);
  if (!body) return problem(body.error(), c.req.path);
  return f(*body);
}

/// Calls `create` with the request's JSON body and answers 201 with the new record's view, its
/// ETag and the Location `base` + its id, or the problem.
template <class F>
Response created_view(Context& c, std::string_view base, F&& create) {
  return with_json_body(c, [&](boost::json::value& body) {
    auto r = create(body);
    if (!r) return problem(r.error(), c.req.path);
    auto res = view_json(201, *r);
    res.set_header("Location", std::string(base) + r->id);
    return res;
  });
}

/// Calls `change` with the request's JSON body and answers the changed record's view with its
/// ETag, or the problem.
template <class F>
Response changed_view(Context& c, F&& change) {
  return with_json_body(c, [&](boost::json::value& body) { return view_or_problem(c, change(body)); });
}

/// A JSON body where one is optional: an empty body counts as {}.
result<boost::json::value> optional_json_body(const Request& req);

/// The request's If-Match header, which the services compare with the record's version.
inline std::optional<std::string> if_match(const Context& c) { return c.req.header("if-match"); }

/// The record of the route's id: the service's get() view with its ETag, or the problem.
template <class Service>
Response record_view(Context& c, Service& s) {
  return view_or_problem(c, s.get(*c.actor, id_of(c)));
}

/// A change of the record of the route's id: the service's update() with the JSON body and If-Match.
template <class Service>
Response record_update(Context& c, Service& s) {
  return changed_view(c, [&](boost::json::value& body) { return s.update(*c.actor, id_of(c), body, if_match(c)); });
}

/// A page (?limit, ?cursor) of the history of the record of the route's id, or the problem.
template <class Service>
Response record_history(Context& c, Service& s) {
  return json_or_problem(c, s.history(*c.actor, id_of(c), c.req.query_param("limit"), c.req.query_param("cursor")));
}

/// The organization's one document of the service (its settings, criteria, periods) with its ETag, or the problem.
template <class Service>
Response document_view(Context& c, Service& s) {
  return view_or_problem(c, s.get(*c.actor));
}

/// The service's document replaced whole by the JSON body, guarded by If-Match.
template <class Service>
Response document_put(Context& c, Service& s) {
  return changed_view(c, [&](boost::json::value& body) { return s.put(*c.actor, body, if_match(c)); });
}

/// A file to download: `body` of `content_type` with "Content-Disposition: attachment" naming `filename`.
Response attachment(std::string content_type, std::string body, std::string_view filename);

/// The body of a list page: {"items":ITEMS,"total":N`extra`[,"next":CURSOR]}; `extra` is
/// further members, each starting with a comma.
std::string list_page_json(std::string_view items_json, std::int64_t total, const std::optional<std::string>& next,
                           std::string_view extra = {});

}  // namespace aims::http::handlers
