// The HTTP/1.1 server (Boost.Beast over Asio, C++20 coroutines). Connections are handled on I/O
// threads; each request is handed to a worker pool so that blocking store calls never run on an
// I/O thread. Routes that take files stream their body: the handler judges the header first, then
// the body goes chunk by chunk into the handler's UploadSink (file writes on the worker pool), and
// Response::stream_body is sent the same way, so no file is ever held in memory whole.
// Owned by the composition root; run() blocks until SIGTERM/SIGINT or stop().
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "http/message.hpp"

namespace aims::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8042;       // 0: the kernel picks one
  int io_threads = 2;
  int worker_threads = 8;
  std::size_t max_body = 8u << 20;  // bytes; larger requests get 413
  int header_timeout_s = 10;        // to receive a request's headers
  int request_timeout_s = 60;       // to receive a whole request
  int idle_timeout_s = 60;          // keep-alive idle
  int shutdown_grace_s = 10;        // in-flight requests get this long after SIGTERM
};

class Server {
 public:
  using Handler = std::function<Response(Request&)>;
  /// Tells from a request's header (method, path) whether its body is streamed (see UploadSink).
  using StreamPredicate = std::function<bool(const Request&)>;
  Server(ServerOptions opts, Handler handler, StreamPredicate streams_body = nullptr);
  ~Server();
  /// Binds the listening socket (throws on failure); returns the bound port.
  unsigned short bind();
  /// Serves until SIGTERM/SIGINT or stop(). Prints "listening on http://ADDR:PORT" to stdout first.
  void run();
  /// Asks run() to finish (thread-safe).
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace aims::http
