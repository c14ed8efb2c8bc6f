#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <boost/url.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>

#include <sys/resource.h>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "http/problem.hpp"

namespace aims::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

/// Method, target, headers, path and query of a request whose header has been read.
template <class Fields>
void fill_head(const bhttp::request_header<Fields>& in, Request& out) {
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  for (const auto& f : in) out.headers[text::lower(f.name_string())] = std::string(f.value());
  auto parsed = boost::urls::parse_origin_form(in.target());
  if (parsed) {
    out.path = parsed->path();
    // An empty segment (`?&limit=3`, a trailing `&`) is no parameter; `?=x` still is one.
    for (auto p : parsed->params())
      if (!p.key.empty() || p.has_value) out.query.emplace_back(p.key, p.value);
  } else {
    out.path = "\x01";  // matches no route; answered 400 below
  }
  if (out.path.empty()) out.path = "/";
}

constexpr std::size_t kChunk = 256 * 1024;  // bytes per streamed body piece
constexpr std::size_t kHeaderLimit = 16 * 1024;  // bytes of request line and header fields; more gets 431
constexpr std::size_t kMaxHeaderFields = 128;    // header fields per request; more gets 431

bhttp::response<bhttp::string_body> to_beast(Response&& r, unsigned version, bool keep_alive) {
  bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), version};
  res.set(bhttp::field::server, "aims");
  if (!r.content_type.empty()) res.set(bhttp::field::content_type, r.content_type);
  for (auto& [k, v] : r.headers) res.insert(k, v);
  res.body() = std::move(r.body);
  res.keep_alive(keep_alive);
  res.prepare_payload();
  return res;
}

constexpr std::chrono::milliseconds kFirstPause{10};     // accepting paused when descriptors run out
constexpr std::chrono::milliseconds kLongestPause{500};  // the pause doubles up to this

/// A request the parser refused as not HTTP/1.1 (a bad request line, header field or chunk), as
/// opposed to a connection that closed or timed out: it gets a 400 before the connection closes.
bool malformed(const boost::system::error_code& ec) {
  using E = bhttp::error;
  for (auto e : {E::bad_line_ending, E::bad_method, E::bad_target, E::bad_version, E::bad_field, E::bad_value,
                 E::bad_content_length, E::bad_transfer_encoding, E::bad_chunk, E::bad_chunk_extension, E::bad_obs_fold,
                 E::multiple_content_length})
    if (ec == e) return true;
  return false;
}

std::string malformed_detail(const boost::system::error_code& ec) {
  using E = bhttp::error;
  if (ec == E::bad_method) return "The request line's method is not valid.";
  if (ec == E::bad_target) return "The request line's target is not valid.";
  if (ec == E::bad_version) return "The request line's HTTP version is not valid.";
  if (ec == E::bad_line_ending) return "A line of the request does not end in CRLF.";
  if (ec == E::bad_field) return "A header field name is not valid.";
  if (ec == E::bad_value || ec == E::bad_obs_fold) return "A header field value is not valid.";
  if (ec == E::bad_content_length || ec == E::multiple_content_length) return "The Content-Length header is not valid.";
  if (ec == E::bad_transfer_encoding) return "The Transfer-Encoding header is not valid.";
  if (ec == E::bad_chunk || ec == E::bad_chunk_extension) return "A chunk of the body is not valid.";
  return "The request is not valid HTTP/1.1 (" + ec.message() + ").";
}

bool out_of_descriptors(const boost::system::error_code& ec) {
  return ec == asio::error::no_descriptors || ec == boost::system::errc::too_many_files_open_in_system ||
         ec == asio::error::no_buffer_space || ec == asio::error::no_memory;
}

/// Raises the soft limit on open files to the hard limit where allowed (each connection holds
/// one) and logs the limit in force.
void raise_open_files_limit() {
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return;
  auto before = rl.rlim_cur;
  if (rl.rlim_cur < rl.rlim_max) {
    rlimit want = rl;
    want.rlim_cur = rl.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &want) == 0) rl = want;
  }
  auto num = [](rlim_t v) -> boost::json::value {
    if (v == RLIM_INFINITY) return "unlimited";
    return static_cast<std::uint64_t>(v);
  };
  boost::json::object o{{"event", "open files limit"}, {"limit", num(rl.rlim_cur)}, {"hard_limit", num(rl.rlim_max)}};
  if (rl.rlim_cur != before) o["raised_from"] = num(before);
  spdlog::info(boost::json::serialize(o));
}

/// What became of a streamed upload: the response, and whether the whole body was read.
struct UploadOutcome {
  Response res;
  bool body_read = false;  // false: answer, then drain and close
  bool broken = false;     // the connection failed: nothing can be answered
};

}  // namespace

struct Server::Impl {
  ServerOptions opts;
  Handler handler;
  StreamPredicate streams_body;
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc, SIGINT, SIGTERM};
  std::atomic<bool> stopping{false};
  std::mutex mu;
  std::set<std::shared_ptr<beast::tcp_stream>> streams;

  Impl(ServerOptions o, Handler h, StreamPredicate sp)
      : opts(std::move(o)),
        handler(std::move(h)),
        streams_body(std::move(sp)),
        ioc(opts.io_threads),
        workers(static_cast<std::size_t>(opts.worker_threads)) {}

  /// Runs f on the worker pool (blocking store and file calls never run on an I/O thread).
  template <class F>
  asio::awaitable<std::invoke_result_t<F&>> on_workers(F f) {
    using R = std::invoke_result_t<F&>;
    co_return co_await asio::co_spawn(
        workers, [&f]() -> asio::awaitable<R> { co_return f(); }, asio::use_awaitable);
  }

  /// Calls a sink or reader method, turning an exception into a problem (logged).
  template <class F>
  static auto guarded(const Request& req, F f) -> std::invoke_result_t<F&> {
    try {
      return f();
    } catch (const std::exception& e) {
      spdlog::error(boost::json::serialize(
          boost::json::object{{"event", "streaming failed"}, {"id", req.request_id}, {"error", e.what()}}));
      return make_error(errc::internal, "An unexpected error occurred; it has been logged as " + req.request_id + ".");
    }
  }

  /// A streamed upload: the handler judges the header (authentication, role, validation) before
  /// any body byte is read; if it accepts, the body goes in chunks into its sink on the workers.
  asio::awaitable<UploadOutcome> upload(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                        bhttp::request_parser<bhttp::empty_body>& head, Request& req) {
    UploadOutcome out;
    out.res = co_await on_workers([&] { return handler(req); });
    if (!out.res.upload) co_return out;  // refused from the header alone
    auto sink = std::move(out.res.upload);
    auto fail = [&](const Error& e) -> Response {
      auto r = problem(e, req.path);
      add_standard_headers(r, req);
      return r;
    };
    if (auto expect = head.get()[bhttp::field::expect]; beast::iequals(expect, "100-continue")) {
      bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, head.get().version()};
      auto [ec, n] = co_await bhttp::async_write(stream, cont, asio::as_tuple(asio::use_awaitable));
      if (ec) {
        co_await on_workers([&] { sink->abort(); });
        out.broken = true;
        co_return out;
      }
    }
    bhttp::request_parser<bhttp::buffer_body> parser{std::move(head)};
    parser.body_limit(boost::none);  // the sink enforces its own limit
    std::vector<char> chunk(kChunk);
    while (!parser.is_done()) {
      parser.get().body().data = chunk.data();
      parser.get().body().size = chunk.size();
      stream.expires_after(std::chrono::seconds(opts.request_timeout_s));  // per piece: big files take long
      auto [ec, n] = co_await bhttp::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
      if (ec == bhttp::error::need_buffer) ec = {};
      if (ec) {
        co_await on_workers([&] { sink->abort(); });
        out.broken = true;
        co_return out;
      }
      std::size_t got = chunk.size() - parser.get().body().size;
      if (got == 0) continue;
      auto st = co_await on_workers([&] { return guarded(req, [&] { return sink->write({chunk.data(), got}); }); });
      if (!st) {
        co_await on_workers([&] { sink->abort(); });
        out.res = fail(st.error());
        co_return out;
      }
    }
    out.body_read = true;
    auto done = co_await on_workers([&]() -> result<Response> {
      return guarded(req, [&]() -> result<Response> { return sink->finish(); });
    });
    if (!done) {
      co_await on_workers([&] { sink->abort(); });
      out.res = fail(done.error());
    } else {
      out.res = std::move(*done);
      add_standard_headers(out.res, req);
    }
    co_return out;
  }

  /// Writes a response whose body is read piece by piece on the workers. Returns the bytes sent
  /// and whether the connection is still usable.
  asio::awaitable<std::pair<std::size_t, bool>> write_streamed(beast::tcp_stream& stream, Response&& r,
                                                               unsigned version, bool keep_alive, const Request& req) {
    auto reader = std::move(r.stream_body);
    bhttp::response<bhttp::buffer_body> res{static_cast<bhttp::status>(r.status), version};
    res.set(bhttp::field::server, "aims");
    if (!r.content_type.empty()) res.set(bhttp::field::content_type, r.content_type);
    for (auto& [k, v] : r.headers) res.insert(k, v);
    std::uint64_t left = reader->size();
    res.content_length(left);
    res.keep_alive(keep_alive);
    res.body().data = nullptr;
    res.body().more = left > 0;
    bhttp::response_serializer<bhttp::buffer_body> sr{res};
    auto [hec, hn] = co_await bhttp::async_write_header(stream, sr, asio::as_tuple(asio::use_awaitable));
    if (hec) co_return std::pair<std::size_t, bool>{0, false};
    std::vector<char> buf(kChunk);
    std::size_t sent = 0;
    if (left == 0) {
      auto [ec, n] = co_await bhttp::async_write(stream, sr, asio::as_tuple(asio::use_awaitable));
      co_return std::pair<std::size_t, bool>{0, !ec};
    }
    while (left > 0) {
      auto want = static_cast<std::size_t>(std::min<std::uint64_t>(left, buf.size()));
      auto got = co_await on_workers([&] { return guarded(req, [&] { return reader->read(buf.data(), want); }); });
      if (!got || *got == 0 || *got > want) {
        // The client sees a body shorter than its Content-Length: the download failed.
        if (!got) spdlog::error(boost::json::serialize(boost::json::object{
                      {"event", "download failed"}, {"id", req.request_id}, {"error", got.error().detail}}));
        co_return std::pair<std::size_t, bool>{sent, false};
      }
      left -= *got;
      res.body().data = buf.data();
      res.body().size = *got;
      res.body().more = left > 0;
      auto [ec, n] = co_await bhttp::async_write(stream, sr, asio::as_tuple(asio::use_awaitable));
      if (ec == bhttp::error::need_buffer) ec = {};
      if (ec) co_return std::pair<std::size_t, bool>{sent, false};
      sent += *got;
    }
    co_return std::pair<std::size_t, bool>{sent, true};
  }

  void log_request(const Request& req, int status, std::size_t bytes, double ms, const std::string& peer) {
    boost::json::object o{{"event", "request"},   {"id", req.request_id}, {"method", req.method},
                          {"path", req.path},   {"status", status},     {"bytes", bytes},
                          {"ms", ms},           {"peer", peer}};
    spdlog::info(boost::json::serialize(o));
  }

  asio::awaitable<void> session(tcp::socket socket) {
    auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
    {
      std::lock_guard lock(mu);
      streams.insert(stream);
    }
    std::string peer;
    boost::system::error_code pec;
    auto ep = stream->socket().remote_endpoint(pec);
    if (!pec) peer = ep.address().to_string();
    beast::flat_buffer buffer;
    bool first = true;
    for (;;) {
      if (stopping) break;
      // The header first, so that a streamed upload is judged before any body byte is read.
      bhttp::request_parser<bhttp::empty_body> head;
      head.header_limit(kHeaderLimit);
      head.body_limit(boost::none);
      stream->expires_after(std::chrono::seconds(first ? opts.header_timeout_s : opts.idle_timeout_s));
      first = false;
      auto [ec, n] = co_await bhttp::async_read_header(*stream, buffer, head, asio::as_tuple(asio::use_awaitable));
      if (ec == bhttp::error::header_limit) {
        co_await refuse_header(*stream, peer, header_fields_too_large("The request line and header fields exceed " +
                                                                      std::to_string(kHeaderLimit) + " bytes."));
        break;
      }
      if (malformed(ec)) {
        co_await refuse_header(*stream, peer, problem(errc::bad_request, malformed_detail(ec)));
        break;
      }
      if (ec) break;
      if (auto count = static_cast<std::size_t>(std::distance(head.get().begin(), head.get().end()));
          count > kMaxHeaderFields) {
        co_await refuse_header(*stream, peer, header_fields_too_large("The request has " + std::to_string(count) +
                                                                      " header fields; at most " +
                                                                      std::to_string(kMaxHeaderFields) + " are accepted."));
        break;
      }
      stream->expires_after(std::chrono::seconds(opts.request_timeout_s));
      auto started = std::chrono::steady_clock::now();
      Request req;
      req.request_id = crypto::random_base32(12);
      req.peer = peer;
      fill_head(head.get(), req);
      Response res;
      unsigned version = head.get().version();
      bool keep_alive = head.get().keep_alive() && !stopping;
      bool drain_after = false;
      if (req.path != "\x01" && streams_body && streams_body(req)) {
        auto out = co_await upload(*stream, buffer, head, req);
        if (out.broken) break;
        res = std::move(out.res);
        if (!out.body_read) {
          keep_alive = false;
          drain_after = true;
        }
      } else {
        bhttp::request_parser<bhttp::string_body> parser{std::move(head)};
        parser.body_limit(opts.max_body);
        bool too_large = parser.content_length() && *parser.content_length() > opts.max_body;
        if (!too_large) {
          auto [ec2, n2] = co_await bhttp::async_read(*stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
          if (ec2 == bhttp::error::body_limit) too_large = true;
          else if (malformed(ec2)) {
            co_await refuse_header(*stream, peer, problem(errc::bad_request, malformed_detail(ec2)));
            break;
          } else if (ec2) break;
        }
        if (too_large) {
          keep_alive = false;
          drain_after = true;
          res = problem(errc::payload_too_large,
                        "The request body is larger than " + std::to_string(opts.max_body) + " bytes.");
          add_standard_headers(res, req);
        } else if (req.path == "\x01") {
          res = problem(errc::bad_request, "The request target is not a valid path.");
          add_standard_headers(res, req);
        } else {
          req.body = std::move(parser.get().body());
          res = co_await on_workers([&] { return handler(req); });
        }
      }
      int status_code = res.status;
      std::size_t bytes = 0;
      bool wrote = false;
      if (res.stream_body) {
        auto [sent, ok] = co_await write_streamed(*stream, std::move(res), version, keep_alive, req);
        bytes = sent;
        wrote = ok;
      } else {
        auto out = to_beast(std::move(res), version, keep_alive);
        bytes = out.body().size();
        auto [wec, wn] = co_await bhttp::async_write(*stream, out, asio::as_tuple(asio::use_awaitable));
        wrote = !wec;
      }
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      log_request(req, status_code, bytes, ms, peer);
      if (drain_after && wrote) co_await drain(*stream);
      if (!wrote || !keep_alive) break;
    }
    boost::system::error_code ignored;
    stream->socket().shutdown(tcp::socket::shutdown_send, ignored);
    std::lock_guard lock(mu);
    streams.erase(stream);
  }

  /// Answers `res` (431 to a header that is too large, 400 to a malformed request) to a request that
  /// cannot be read on, then stops reading it and closes.
  asio::awaitable<void> refuse_header(beast::tcp_stream& stream, const std::string& peer, Response res) {
    Request req;
    req.request_id = crypto::random_base32(12);
    int status = res.status;
    add_standard_headers(res, req);
    stream.expires_after(std::chrono::seconds(opts.request_timeout_s));
    auto out = to_beast(std::move(res), 11, false);
    auto bytes = out.body().size();
    auto [ec, n] = co_await bhttp::async_write(stream, out, asio::as_tuple(asio::use_awaitable));
    log_request(req, status, bytes, 0.0, peer);
    if (!ec) co_await drain(stream);
  }

  /// Reads and discards what the client is still sending (for a short while) so that closing the
  /// socket after an early error response does not reset the connection before the client reads it.
  asio::awaitable<void> drain(beast::tcp_stream& stream) {
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.expires_after(std::chrono::seconds(2));
    std::vector<char> sink(64 * 1024);
    std::size_t total = 0;
    while (total < (std::size_t{1} << 30)) {
      auto [ec, n] = co_await stream.async_read_some(asio::buffer(sink), asio::as_tuple(asio::use_awaitable));
      if (ec) break;
      total += n;
    }
  }

  asio::awaitable<void> listen() {
    asio::steady_timer backoff{ioc};
    std::chrono::milliseconds delay{0};
    std::size_t pauses = 0;  // of the current burst of failed accepts
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
      if (ec) {
        if (!acceptor.is_open()) co_return;
        if (!out_of_descriptors(ec)) continue;
        // The waiting connection stays queued, so accepting again at once would fail at once:
        // wait, longer each time, until a connection closes and frees a descriptor.
        if (pauses++ == 0) {
          std::size_t open = 0;
          {
            std::lock_guard lock(mu);
            open = streams.size();
          }
          spdlog::warn(boost::json::serialize(boost::json::object{
              {"event", "out of file descriptors: accepting paused"}, {"error", ec.message()}, {"connections", open}}));
        }
        delay = std::min<std::chrono::milliseconds>(delay == delay.zero() ? kFirstPause : delay * 2, kLongestPause);
        backoff.expires_after(delay);
        co_await backoff.async_wait(asio::as_tuple(asio::use_awaitable));
        continue;
      }
      if (pauses > 0) {
        spdlog::info(boost::json::serialize(boost::json::object{{"event", "accepting again"}, {"pauses", pauses}}));
        pauses = 0;
        delay = delay.zero();
      }
      asio::co_spawn(ioc, session(std::move(socket)), asio::detached);
    }
  }

  void begin_stop() {
    if (stopping.exchange(true)) return;
    spdlog::info(R"({"event":"stopping: finishing in-flight requests"})");
    asio::post(ioc, [this] {
      boost::system::error_code ec;
      acceptor.close(ec);
      signals.cancel(ec);
      std::lock_guard lock(mu);
      // Idle connections wait in a read: end it so they close; busy ones finish their response.
      for (auto& s : streams) s->socket().shutdown(tcp::socket::shutdown_receive, ec);
    });
    std::thread([this] {
      std::this_thread::sleep_for(std::chrono::seconds(opts.shutdown_grace_s));
      ioc.stop();
    }).detach();
  }
};

Server::Server(ServerOptions opts, Handler handler, StreamPredicate streams_body)
    : impl_(std::make_unique<Impl>(std::move(opts), std::move(handler), std::move(streams_body))) {}

Server::~Server() {
  impl_->workers.join();
}

unsigned short Server::bind() {
  auto addr = asio::ip::make_address(impl_->opts.address);
  tcp::endpoint ep{addr, impl_->opts.port};
  impl_->acceptor.open(ep.protocol());
  impl_->acceptor.set_option(asio::socket_base::reuse_address(true));
  impl_->acceptor.bind(ep);
  impl_->acceptor.listen(asio::socket_base::max_listen_connections);
  return impl_->acceptor.local_endpoint().port();
}

void Server::run() {
  auto& d = *impl_;
  raise_open_files_limit();
  if (!d.acceptor.is_open()) bind();
  d.signals.async_wait([&d](const boost::system::error_code& ec, int) {
    if (!ec) d.begin_stop();
  });
  asio::co_spawn(d.ioc, d.listen(), asio::detached);
  auto ep = d.acceptor.local_endpoint();
  std::cout << "listening on http://" << ep.address().to_string() << ":" << ep.port() << std::endl;
  std::vector<std::thread> threads;
  for (int i = 1; i < d.opts.io_threads; ++i) threads.emplace_back([&d] { d.ioc.run(); });
  d.ioc.run();
  for (auto& t : threads) t.join();
  d.workers.join();
  spdlog::info(R"({"event":"stopped"})");
}

void Server::stop() { impl_->begin_stop(); }

}  // namespace aims::http
