// A small synchronous HTTP/1.1 client for the command line (http:// only). It speaks in the
// project's own request/response values so that callers never see Beast or a socket.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace aims::http {

using NameValues = std::vector<std::pair<std::string, std::string>>;

struct ClientRequest {
  std::string method = "GET";
  std::string target;        // path and query, already encoded (see make_target), e.g. "/api/v1/me"
  NameValues headers;        // in addition to the client's default headers
  std::string content_type;  // empty: no Content-Type header
  std::string body;
  /// If set, called as the response body arrives: bytes of body so far and the announced length.
  std::function<void(std::uint64_t received, std::optional<std::uint64_t> total)> on_progress = nullptr;
  /// If set, the body is streamed from this file instead of `body`, announced with
  /// "Expect: 100-continue" so that a refusal arrives before the bytes are sent.
  std::string body_file;
  /// If set, called as the request body goes out: bytes sent so far and the total.
  std::function<void(std::uint64_t sent, std::uint64_t total)> on_upload_progress = nullptr;
  /// If set, the body of a successful (2xx) response is handed over piece by piece instead of
  /// being kept in ClientResponse::body; returning false aborts the transfer (an error).
  std::function<bool(std::string_view piece)> on_body = nullptr;
};

struct ClientResponse {
  int status = 0;
  std::string reason;  // the status line's reason phrase
  NameValues headers;  // lower-case names, in the order received
  std::string body;

  /// The first value of a header (name in lower case), if present.
  std::optional<std::string> header(std::string_view name) const;
  /// Media type of Content-Type without parameters, lower-cased ("" if absent).
  std::string media_type() const;
  bool ok() const { return status >= 200 && status < 300; }
};

struct ClientOptions {
  std::string base_url = "http://127.0.0.1:8042";  // http://HOST[:PORT][/PREFIX]
  NameValues default_headers;                      // sent with every request
  std::chrono::seconds timeout{120};               // for connecting, and for each send and receive
  std::size_t max_response_bytes = 1u << 30;
};

/// One keep-alive connection to one server, opened on first use and reopened when the server has
/// closed it. Owned by the command that uses it; not thread-safe.
class Client {
 public:
  /// Checks the base URL: only http:// with a host, no query or fragment.
  static result<Client> create(ClientOptions options);

  Client(Client&&) noexcept;
  Client& operator=(Client&&) noexcept;
  ~Client();

  /// Sends a request and reads the whole response. Every HTTP status is a response; the error
  /// (errc::unavailable) is for connection failures and timeouts.
  result<ClientResponse> send(const ClientRequest& request);

  const std::string& base_url() const;

 private:
  struct Impl;
  explicit Client(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Percent-encodes one path segment ("/" included), e.g. an id taken from the command line.
std::string encode_segment(std::string_view segment);
/// `path` followed by the percent-encoded query parameters, if any.
std::string make_target(std::string_view path, const NameValues& query);

}  // namespace aims::http
