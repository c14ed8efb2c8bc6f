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

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "http/problem.hpp"

namespace aims::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

void fill_request(const bhttp::request<bhttp::string_body>& in, Request& out) {
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  for (const auto& f : in) out.headers[text::lower(f.name_string())] = std::string(f.value());
  out.body = in.body();
  auto parsed = boost::urls::parse_origin_form(in.target());
  if (parsed) {
    out.path = parsed->path();
    for (auto p : parsed->params()) out.query.emplace_back(p.key, p.value);
  } else {
    out.path = "\x01";  // matches no route; answered 400 below
  }
  if (out.path.empty()) out.path = "/";
}

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

}  // namespace

struct Server::Impl {
  ServerOptions opts;
  Handler handler;
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc, SIGINT, SIGTERM};
  std::atomic<bool> stopping{false};
  std::mutex mu;
  std::set<std::shared_ptr<beast::tcp_stream>> streams;

  Impl(ServerOptions o, Handler h)
      : opts(std::move(o)), handler(std::move(h)), ioc(opts.io_threads), workers(static_cast<std::size_t>(opts.worker_threads)) {}

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
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(16 * 1024);
      parser.body_limit(opts.max_body);
      stream->expires_after(std::chrono::seconds(first ? opts.header_timeout_s : opts.idle_timeout_s));
      first = false;
      auto [ec, n] = co_await bhttp::async_read_header(*stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
      bool too_large = ec == bhttp::error::body_limit;
      if (ec && !too_large) break;
      stream->expires_after(std::chrono::seconds(opts.request_timeout_s));
      if (!too_large) {
        auto [ec2, n2] = co_await bhttp::async_read(*stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
        if (ec2 == bhttp::error::body_limit) too_large = true;
        else if (ec2) break;
      }
      auto started = std::chrono::steady_clock::now();
      Request req;
      req.request_id = crypto::random_base32(12);
      Response res;
      const auto& msg = parser.get();
      unsigned version = msg.version();
      bool keep_alive = msg.keep_alive() && !too_large && !stopping;
      if (too_large) {
        req.method = std::string(msg.method_string());
        req.path = std::string(msg.target());
        req.request_id = crypto::random_base32(12);
        res = problem(errc::payload_too_large,
                      "The request body is larger than " + std::to_string(opts.max_body) + " bytes.");
        add_standard_headers(res, req);
      } else {
        fill_request(msg, req);
        if (req.path == "\x01") {
          res = problem(errc::bad_request, "The request target is not a valid path.");
          add_standard_headers(res, req);
        } else {
          res = co_await asio::co_spawn(
              workers,
              [this, &req]() -> asio::awaitable<Response> { co_return handler(req); },
              asio::use_awaitable);
        }
      }
      int status_code = res.status;
      auto out = to_beast(std::move(res), version, keep_alive);
      std::size_t bytes = out.body().size();
      auto [wec, wn] = co_await bhttp::async_write(*stream, out, asio::as_tuple(asio::use_awaitable));
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      log_request(req, status_code, bytes, ms, peer);
      if (too_large && !wec) co_await drain(*stream);
      if (wec || !keep_alive) break;
    }
    boost::system::error_code ignored;
    stream->socket().shutdown(tcp::socket::shutdown_send, ignored);
    std::lock_guard lock(mu);
    streams.erase(stream);
  }

  /// Reads and discards what the client is still sending (for a short while) so that closing the
  /// socket after an early error response does not reset the connection before the client reads it.
  asio::awaitable<void> drain(beast::tcp_stream& stream) {
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.expires_after(std::chrono::seconds(2));
    std::vector<char> sink(64 * 1024);
    std::size_t total = 0;
    while (total < 4 * opts.max_body) {
      auto [ec, n] = co_await stream.async_read_some(asio::buffer(sink), asio::as_tuple(asio::use_awaitable));
      if (ec) break;
      total += n;
    }
  }

  asio::awaitable<void> listen() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
      if (ec) {
        if (!acceptor.is_open()) co_return;
        continue;
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

Server::Server(ServerOptions opts, Handler handler) : impl_(std::make_unique<Impl>(std::move(opts), std::move(handler))) {}

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
