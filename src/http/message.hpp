// The project's own HTTP request/response types, so that handlers never see Beast or a socket.
// Values; used by one thread at a time.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aims::http {

struct Request {
  std::string method;   // upper-case, e.g. "GET"
  std::string target;   // as received, e.g. "/api/v1/systems?limit=5"
  std::string path;     // percent-decoded path
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::map<std::string, std::string> headers;             // lower-case names
  std::string body;
  std::map<std::string, std::string> params;              // path parameters from the route
  std::string request_id;

  std::optional<std::string> header(std::string_view name) const;
  /// The last value of a query parameter, if present.
  std::optional<std::string> query_param(std::string_view name) const;
  std::optional<std::string> cookie(std::string_view name) const;
  /// Media type of Content-Type without parameters, lower-cased ("" if absent).
  std::string media_type() const;
};

struct Response {
  int status = 200;
  std::string content_type;  // empty for no body
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

Response json_response(int status, std::string body);
/// Adds the headers every response carries (security headers, request id, no-store for the API).
void add_standard_headers(Response& res, const Request& req);
Response no_content();

}  // namespace aims::http
