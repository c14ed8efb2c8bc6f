#include "http/client.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/pchars.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <boost/url/url_view.hpp>

#include "core/text.hpp"

namespace aims::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace urls = boost::urls;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

namespace {

/// True for the ways a kept-alive connection fails when the server closed it while idle.
bool closed_by_peer(const error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset ||
         ec == asio::error::broken_pipe;
}

}  // namespace

struct Client::Impl {
  ClientOptions opts;
  std::string host;         // to resolve (IPv6 without brackets)
  std::string port;
  std::string host_header;  // as in the URL
  std::string prefix;       // base path without a trailing slash
  asio::io_context ioc{1};
  beast::tcp_stream stream{ioc};
  beast::flat_buffer buffer;
  bool connected = false;

  /// Runs the started operations to completion.
  void run() {
    ioc.restart();
    ioc.run();
  }

  void close() {
    error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream.close();
    buffer.clear();
    connected = false;
  }

  error_code connect() {
    tcp::resolver resolver(ioc);
    tcp::resolver::results_type endpoints;
    error_code ec;
    resolver.async_resolve(host, port, [&](error_code e, tcp::resolver::results_type r) {
      ec = e;
      endpoints = std::move(r);
    });
    ioc.restart();
    ioc.run_for(opts.timeout);
    if (!ioc.stopped()) {  // the name lookup is still running
      resolver.cancel();
      run();
      return beast::error::timeout;
    }
    if (ec) return ec;
    stream.expires_after(opts.timeout);
    stream.async_connect(endpoints, [&](error_code e, const tcp::endpoint&) { ec = e; });
    run();
    if (ec) return ec;
    connected = true;
    return {};
  }

  /// The request's header fields.
  template <class Body>
  void fill(bhttp::request<Body>& r, const ClientRequest& req) {
    r.version(11);
    auto verb = bhttp::string_to_verb(req.method);
    if (verb == bhttp::verb::unknown) r.method_string(req.method);
    else r.method(verb);
    r.target(prefix + req.target);
    r.set(bhttp::field::host, host_header);
    for (const auto& [k, v] : opts.default_headers) r.set(k, v);
    for (const auto& [k, v] : req.headers) r.set(k, v);
    if (!req.content_type.empty()) r.set(bhttp::field::content_type, req.content_type);
    r.keep_alive(true);
  }

  /// Streams the request body from req.body_file. Sets `answered` if the server sent its final
  /// response instead of "100 Continue" (then the body is not sent, and `early` holds the parser).
  error_code send_file(const ClientRequest& req, bool& answered,
                       std::optional<bhttp::response_parser<bhttp::buffer_body>>& early) {
    bhttp::request<bhttp::file_body> r;
    fill(r, req);
    error_code ec;
    r.body().open(req.body_file.c_str(), beast::file_mode::scan, ec);
    if (ec) return ec;
    r.set(bhttp::field::expect, "100-continue");
    r.prepare_payload();
    std::uint64_t total = r.body().size();
    bhttp::request_serializer<bhttp::file_body> sr{r};
    stream.expires_after(opts.timeout);
    bhttp::async_write_header(stream, sr, [&](error_code e, std::size_t) { ec = e; });
    run();
    if (ec) return ec;
    // Wait (a little) for 100 Continue or an early final answer.
    early.emplace();
    early->body_limit(opts.max_response_bytes);
    bool done = false;
    error_code rec;
    bhttp::async_read_header(stream, buffer, *early, [&](error_code e, std::size_t) {
      rec = e;
      done = true;
    });
    ioc.restart();
    ioc.run_for(std::chrono::seconds(3));
    if (!done) {  // a server that ignores Expect: send the body anyway
      error_code ignored;
      stream.socket().cancel(ignored);
      run();
      early.reset();
    } else if (rec) {
      return rec;
    } else if (early->get().result() != bhttp::status::continue_) {
      answered = true;
      return {};
    } else {
      early.reset();
    }
    std::uint64_t sent = 0;
    while (!sr.is_done()) {
      std::size_t n = 0;
      stream.expires_after(opts.timeout);
      bhttp::async_write_some(stream, sr, [&](error_code e, std::size_t k) {
        ec = e;
        n = k;
      });
      run();
      if (ec) return ec;
      sent = std::min(total, sent + n);
      if (req.on_upload_progress) req.on_upload_progress(sent, total);
    }
    return {};
  }

  /// Reads a response whose header may already be in `parser`; the body goes to req.on_body
  /// (2xx) or into out.body.
  error_code read_response(const ClientRequest& req, bhttp::response_parser<bhttp::buffer_body>& parser,
                           ClientResponse& out, bool& got_some) {
    error_code ec;
    stream.expires_after(opts.timeout);
    if (!parser.is_header_done()) {
      bhttp::async_read_header(stream, buffer, parser, [&](error_code e, std::size_t) { ec = e; });
      run();
      got_some = parser.got_some();
      if (ec) return ec;
    }
    got_some = true;
    auto& res = parser.get();
    out.status = static_cast<int>(res.result_int());
    out.reason = std::string(res.reason());
    out.headers.clear();
    for (const auto& f : res) out.headers.emplace_back(text::lower(f.name_string()), std::string(f.value()));
    out.body.clear();
    bool stream_out = req.on_body && out.ok();
    std::optional<std::uint64_t> total;
    if (auto n = parser.content_length()) total = *n;
    std::uint64_t received = 0;
    std::vector<char> chunk(256 * 1024);
    while (!parser.is_done()) {
      res.body().data = chunk.data();
      res.body().size = chunk.size();
      stream.expires_after(opts.timeout);
      bhttp::async_read(stream, buffer, parser, [&](error_code e, std::size_t) { ec = e; });
      run();
      if (ec == bhttp::error::need_buffer) ec = {};
      if (ec) return ec;
      std::size_t got = chunk.size() - res.body().size;
      received += got;
      if (!stream_out && received > opts.max_response_bytes) return bhttp::error::body_limit;
      if (stream_out) {
        if (got && !req.on_body(std::string_view(chunk.data(), got))) return asio::error::operation_aborted;
      } else {
        out.body.append(chunk.data(), got);
      }
      if (req.on_progress) req.on_progress(received, total);
    }
    if (!res.keep_alive()) close();
    return {};
  }

  /// Writes the request with its body held in memory (req.body).
  error_code write_request(const ClientRequest& req) {
    error_code ec;
    bhttp::request<bhttp::string_body> r;
    fill(r, req);
    r.body() = req.body;
    r.prepare_payload();
    stream.expires_after(opts.timeout);
    bhttp::async_write(stream, r, [&](error_code e, std::size_t) { ec = e; });
    run();
    return ec;
  }

  /// Writes the request and reads the response. `got_some` tells whether any response byte came.
  error_code exchange(const ClientRequest& req, ClientResponse& out, bool& got_some) {
    error_code ec;
    if (!req.body_file.empty() || req.on_body) {
      std::optional<bhttp::response_parser<bhttp::buffer_body>> parser;
      bool answered = false;
      if (!req.body_file.empty()) {
        ec = send_file(req, answered, parser);
        if (ec) return ec;
      } else {
        ec = write_request(req);
        if (ec) return ec;
      }
      if (!parser) parser.emplace();
      ec = read_response(req, *parser, out, got_some);
      if (!ec && answered) close();  // the body was never sent: the connection cannot be reused
      return ec;
    }

    ec = write_request(req);
    if (ec) return ec;

    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(opts.max_response_bytes);
    stream.expires_after(opts.timeout);
    if (!req.on_progress) {
      bhttp::async_read(stream, buffer, parser, [&](error_code e, std::size_t) { ec = e; });
      run();
    } else {
      // Piece by piece, so that the caller can show how much has arrived.
      bhttp::async_read_header(stream, buffer, parser, [&](error_code e, std::size_t) { ec = e; });
      run();
      auto total = [&]() -> std::optional<std::uint64_t> {
        if (auto n = parser.content_length()) return *n;
        return std::nullopt;
      };
      while (!ec && !parser.is_done()) {
        req.on_progress(parser.get().body().size(), total());
        stream.expires_after(opts.timeout);
        bhttp::async_read_some(stream, buffer, parser, [&](error_code e, std::size_t) { ec = e; });
        run();
      }
      if (!ec) req.on_progress(parser.get().body().size(), total());
    }
    got_some = parser.got_some();
    if (ec) return ec;

    auto res = parser.release();
    out.status = static_cast<int>(res.result_int());
    out.reason = std::string(res.reason());
    out.headers.clear();
    for (const auto& f : res) out.headers.emplace_back(text::lower(f.name_string()), std::string(f.value()));
    out.body = std::move(res.body());
    if (!res.keep_alive()) close();
    return {};
  }
};

result<Client> Client::create(ClientOptions options) {
  auto bad = [&](const std::string& why) {
    return make_error(errc::bad_request, "The server URL '" + options.base_url + "' " + why);
  };
  auto parsed = urls::parse_absolute_uri(options.base_url);
  if (!parsed) return bad("is not a valid URL; write it as http://HOST:PORT.");
  const auto& u = *parsed;
  if (text::lower(u.scheme()) == "https")
    return bad("uses https://, which this client does not speak; use http:// (e.g. to a local TLS proxy).");
  if (text::lower(u.scheme()) != "http") return bad("must start with http://.");
  if (!u.has_authority() || u.encoded_host().empty()) return bad("has no host.");
  if (u.has_userinfo()) return bad("must not contain a user name or password; use --token.");
  if (u.has_query() || u.has_fragment()) return bad("must not have a query or fragment.");

  auto impl = std::make_unique<Impl>();
  impl->host = u.host_address();
  impl->port = u.has_port() ? std::string(u.port()) : "80";
  impl->host_header = std::string(u.encoded_host_and_port());
  impl->prefix = std::string(u.encoded_path());
  while (!impl->prefix.empty() && impl->prefix.back() == '/') impl->prefix.pop_back();
  impl->opts = std::move(options);
  return Client(std::move(impl));
}

Client::Client(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Client::Client(Client&&) noexcept = default;
Client& Client::operator=(Client&&) noexcept = default;
Client::~Client() = default;

const std::string& Client::base_url() const { return impl_->opts.base_url; }

result<ClientResponse> Client::send(const ClientRequest& request) {
  auto& s = *impl_;
  for (int attempt = 0;; ++attempt) {
    bool reused = s.connected;
    if (!s.connected) {
      if (auto ec = s.connect()) {
        s.close();
        auto why = ec == beast::error::timeout ? "no answer within " + std::to_string(s.opts.timeout.count()) + " s"
                                               : ec.message();
        return make_error(errc::unavailable, "cannot connect to " + s.opts.base_url + ": " + why);
      }
    }
    ClientResponse res;
    bool got_some = false;
    auto ec = s.exchange(request, res, got_some);
    if (!ec) return res;
    s.close();
    // A kept-alive connection the server has closed meanwhile: the request never arrived; resend once.
    if (reused && attempt == 0 && !got_some && closed_by_peer(ec)) continue;
    auto why = ec == beast::error::timeout ? "no answer within " + std::to_string(s.opts.timeout.count()) + " s"
                                           : ec.message();
    return make_error(errc::unavailable, "the connection to " + s.opts.base_url + " failed: " + why);
  }
}

std::optional<std::string> ClientResponse::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return std::nullopt;
}

std::string ClientResponse::media_type() const {
  auto ct = header("content-type");
  if (!ct) return "";
  return text::lower(text::trim(std::string_view(*ct).substr(0, ct->find(';'))));
}

std::string encode_segment(std::string_view segment) {
  // pchars leave ':' and '@' as they are, which a path segment allows; '/' and '?' are encoded.
  return urls::encode(segment, urls::pchars);
}

std::string make_target(std::string_view path, const NameValues& query) {
  std::string t(path);
  char sep = '?';
  for (const auto& [k, v] : query) {
    t += sep;
    t += urls::encode(k, urls::unreserved_chars);
    t += '=';
    t += urls::encode(v, urls::unreserved_chars);
    sep = '&';
  }
  return t;
}

}  // namespace aims::http
