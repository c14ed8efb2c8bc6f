// The project's own HTTP request/response types, so that handlers never see Beast or a socket.
// Values; used by one thread at a time.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace aims::http {

class UploadSink;
class BodyReader;

struct Request {
  std::string method;   // upper-case, e.g. "GET"
  std::string target;   // as received, e.g. "/api/v1/systems?limit=5"
  std::string path;     // percent-decoded path
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::map<std::string, std::string> headers;             // lower-case names
  std::string body;
  std::map<std::string, std::string> params;              // path parameters from the route
  std::string request_id;
  std::string peer;  // the client's address, as the server saw it
  /// Who the request says it is, for the security log of a refusal (401/403): user id, e-mail
  /// tried, a token's or session's hash prefix. Never a secret (password, token, cookie value).
  std::vector<std::pair<std::string, std::string>> log_identity;

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
  /// Set by the handler of a streaming route (x-aims-streams-body in api/openapi.yaml) to accept the request body:
  /// the server then streams the body into it and sends what finish() answers instead.
  std::shared_ptr<UploadSink> upload;
  /// A body read piece by piece instead of `body` (large files), never held in memory whole.
  std::shared_ptr<BodyReader> stream_body;

  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

/// Receives a request body as it streams in, for the routes that take files. The server calls
/// write() for each chunk and then finish(), or abort() when the upload ends early; every call
/// comes from the worker pool, one at a time. Owned (shared) by the server for one request.
class UploadSink {
 public:
  virtual ~UploadSink() = default;
  /// Takes the next chunk; an error ends the upload and is answered as a problem.
  virtual status write(std::string_view chunk) = 0;
  /// All bytes have arrived: the response to send.
  virtual Response finish() = 0;
  /// The upload ended without finish() (client gone, timeout, refused chunk): drop what arrived.
  virtual void abort() = 0;
};

/// A response body read piece by piece (a file), called from the worker pool one call at a time.
/// Owned (shared) by the server while it sends the response.
class BodyReader {
 public:
  virtual ~BodyReader() = default;
  /// The exact number of bytes read() will deliver (the Content-Length).
  virtual std::uint64_t size() const = 0;
  /// Reads up to n bytes into buf; 0 only at the end.
  virtual result<std::size_t> read(char* buf, std::size_t n) = 0;
};

/// The session cookie's name: with secure cookies (behind TLS) the `__Host-` prefix makes browsers
/// accept it only when Secure, without Domain and with Path=/, so no other host can set or shadow it.
inline std::string_view session_cookie_name(bool secure) { return secure ? "__Host-aims_session" : "aims_session"; }

Response json_response(int status, std::string body);
/// Adds the headers every response carries (security headers, request id, no-store for the API).
void add_standard_headers(Response& res, const Request& req);
Response no_content();

}  // namespace aims::http
