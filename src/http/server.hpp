#pragma once
// The HTTP listener on RESTinio (docs/adr/0001-http-on-restinio.md): keep-alive, a body limit,
// read/write timeouts, express routing with declared 405s, our middleware chain around every
// route, and a graceful stop. RESTinio's headers are included only in server.cpp.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "http/message.hpp"

namespace csphub::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (Start() returns the one bound)
  // Handlers run on these threads and may block on the store. With 1, connections need no
  // strands, which makes a small request 5-10% cheaper, but a handler waiting on the store (a
  // durable commit) then holds up every connection.
  int threads = 4;
  std::size_t body_limit_bytes = 1 << 20;
  std::chrono::milliseconds read_timeout{15000};
  std::chrono::milliseconds write_timeout{15000};
  std::chrono::milliseconds handler_timeout{30000};
  std::chrono::milliseconds shutdown_grace{10000};
};

// Builds the error answers the listener itself gives (404, 405, 413, 503 while stopping), so
// that they have the same body shape as the API's own errors.
using ErrorResponder =
    std::function<Response(Request&, int status, const std::string& description)>;

class Server {
 public:
  // `unrouted`, when set, answers the requests whose path no route knows (the portal's files,
  // http/static_files.hpp) in place of the plain 404, inside the middleware like a route.
  Server(ServerOptions options, std::vector<Route> routes, std::vector<Middleware> middleware,
         ErrorResponder errors, Handler unrouted = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving on background threads. Returns the bound port.
  Result<std::uint16_t> Start();
  // Stops accepting work (new requests get 503 + Connection: close), waits for in-flight
  // requests up to the grace period, then closes every connection. Idempotent.
  void Stop();
  // Call on the main thread before Start(), so that every thread leaves SIGINT and SIGTERM to
  // WaitForStopSignal().
  static void BlockStopSignals();
  // Blocks until SIGINT or SIGTERM (RESTinio's own run() catches only SIGINT), then Stop()s.
  void WaitForStopSignal();

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace csphub::http
