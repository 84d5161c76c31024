// The only file that includes RESTinio (its headers cost ~16 s per translation unit).
#include "http/server.hpp"

// Before RESTinio, which must see its overload of asio::async_write.
#include "http/whole_response_write.hpp"

#include <restinio/all.hpp>

#include <atomic>
#include <csignal>
#include <future>
#include <mutex>
#include <thread>
#include <variant>

#include "http/route_table.hpp"

namespace csphub::http {
namespace {

// Every request goes to Serve(), which finds its route in our RouteTable: RESTinio's routers
// try one std::regex per route, in order (docs/adr/0007-own-router.md).
using Router = restinio::default_request_handler_t;
struct Traits : public restinio::default_traits_t {
  using request_handler_t = Router;
};
// With one io thread every handler already runs on that thread, so the per-connection strands
// of the default traits are pure cost: 5-10% of the CPU of a small request
// (docs/bench-results.md). Used when `threads` is 1.
struct SingleThreadTraits : public restinio::default_single_thread_traits_t {
  using request_handler_t = Router;
};
template <typename T>
using RestinioServer = std::unique_ptr<restinio::http_server_t<T>>;

// The client's address as text. IPv4 is formatted by hand: asio's to_string() goes through
// inet_ntop, whose sprintf was a visible share of a small request's CPU.
std::string AddressText(const restinio::asio_ns::ip::address& address) {
  if (!address.is_v4()) return address.to_string();
  const auto bytes = address.to_v4().to_bytes();
  char text[16];
  char* at = text;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i > 0) *at++ = '.';
    const unsigned b = bytes[i];
    if (b >= 100) *at++ = static_cast<char>('0' + b / 100);
    if (b >= 10) *at++ = static_cast<char>('0' + b / 10 % 10);
    *at++ = static_cast<char>('0' + b % 10);
  }
  return std::string(text, at);
}

}  // namespace

std::optional<Pairs> ParseForm(std::string_view body) {
  // Real clients leave characters such as '!', '*' and ':' unescaped, which RESTinio's strict
  // x_www_form_urlencoded traits refuse; '+' (a space in forms) is turned into %20 first.
  std::string text(body);
  for (size_t at = text.find('+'); at != std::string::npos; at = text.find('+', at)) {
    text.replace(at, 1, "%20");
  }
  // RFC 3986 allows ':', '/', '@' and more unescaped in a query (an ISO-8601 ?asOf= date has
  // colons): the "relaxed" traits accept them all; "javascript_compatible" refused ':'.
  auto parsed = restinio::try_parse_query<restinio::parse_query_traits::relaxed>(
      restinio::string_view_t(text.data(), text.size()));
  if (!parsed) return std::nullopt;
  Pairs out;
  for (const auto& [k, v] : *parsed) out.emplace_back(std::string(k), std::string(v));
  return out;
}

class Server::Impl {
 public:
  Impl(ServerOptions o, std::vector<Route> r, std::vector<Middleware> m, ErrorResponder e,
       Handler unrouted)
      : options_(std::move(o)),
        routes_(std::move(r)),
        middleware_(std::move(m)),
        errors_(std::move(e)),
        table_(routes_) {
    // The chains are composed once here, not per request: composing allocates every stage's
    // std::function, and the routes and middleware do not change once the server exists.
    for (const Route& route : routes_) {
      route_chains_.push_back(Compose(route.handler));
    }
    shutting_down_ = Compose([this](Request& r) {
      Response resp = errors_(r, 503, "The server is shutting down; retry on another node.");
      resp.close_connection = true;
      return resp;
    });
    too_large_ = Compose([this](Request& r) {
      return errors_(r, 413,
                     "The request body is larger than the limit of " +
                         std::to_string(options_.body_limit_bytes) + " bytes.");
    });
    bad_query_ =
        Compose([this](Request& r) { return errors_(r, 400, "The query string is malformed."); });
    bad_path_ = Compose([this](Request& r) {
      return errors_(r, 400, "The path is malformed (a '%' must start a %XX escape).");
    });
    not_found_ = unrouted
                     ? Compose(std::move(unrouted))
                     : Compose([this](Request& r) { return errors_(r, 404, "No such resource."); });
    not_allowed_ = Compose([this](Request& r) {
      return errors_(r, 405, "The method " + r.method + " is not allowed on this resource.");
    });
  }

  Result<std::uint16_t> Start();
  void Stop();

 private:
  // Wraps `terminal` in every middleware stage, outermost first.
  Handler Compose(Handler terminal) const {
    Handler next = std::move(terminal);
    for (auto it = middleware_.rbegin(); it != middleware_.rend(); ++it) {
      next = [stage = &*it, inner = std::move(next)](Request& r) { return (*stage)(r, inner); };
    }
    return next;
  }

  restinio::request_handling_status_t Serve(const restinio::request_handle_t& handle);
  // Answers with `resp.body` and then `resp.stream`, chunk by chunk.
  restinio::request_handling_status_t SendStreamed(const restinio::request_handle_t& handle,
                                                   const Request& req, Response resp);
  std::unique_ptr<Router> BuildRouter();
  template <typename T>
  RestinioServer<T> MakeServer(std::promise<std::uint16_t>& bound);

  ServerOptions options_;
  std::vector<Route> routes_;
  std::vector<Middleware> middleware_;
  ErrorResponder errors_;
  RouteTable table_;  // after routes_, from which it is built
  // Indexed like routes_: each route's handler inside the middleware.
  std::vector<Handler> route_chains_;
  // The listener's own answers, inside the middleware too (request IDs, access log).
  Handler shutting_down_, too_large_, bad_query_, bad_path_, not_found_, not_allowed_;
  restinio::asio_ns::io_context io_;
  std::variant<RestinioServer<Traits>, RestinioServer<SingleThreadTraits>> server_;
  std::vector<std::thread> threads_;
  std::atomic<int> in_flight_{0};
  std::atomic<bool> draining_{false};
  std::once_flag stop_once_;
};

restinio::request_handling_status_t Server::Impl::Serve(const restinio::request_handle_t& handle) {
  in_flight_.fetch_add(1);
  struct Done {
    std::atomic<int>& n;
    ~Done() { n.fetch_sub(1); }
  } done{in_flight_};

  Request req;
  const auto& h = handle->header();
  req.method = h.method().c_str();
  req.path = std::string(h.path());
  req.body = handle->body();
  req.remote_address = AddressText(handle->remote_endpoint().address());
  h.for_each_field([&](const restinio::http_header_field_t& f) {
    req.headers.emplace_back(f.name(), f.value());
  });
  // Routes match the path normalized as RESTinio's express router did (percent-encoded
  // unreserved characters decoded), so ":name" parameters are what they were. A malformed
  // escape makes the normalizer throw: that is a 400, not a dropped connection.
  const auto path = h.path();
  std::string normalized;
  bool bad_path = false;
  namespace uri = restinio::utils::uri_normalization::unreserved_chars;
  try {
    if (const std::size_t size = uri::estimate_required_capacity(path); size != path.size()) {
      normalized.resize(size);
      uri::normalize_to(path, normalized.data());
    }
  } catch (const std::exception&) {
    bad_path = true;
  }
  const RouteTable::Match match =
      bad_path ? RouteTable::Match{}
               : table_.Find(
                     req.method,
                     normalized.empty() ? std::string_view(path.data(), path.size()) : normalized,
                     req.params);
  const std::size_t index = match.route;
  const Route* route = index != RouteTable::kNone ? &routes_[index] : nullptr;
  if (route != nullptr) req.route = &route->info;

  const Handler* chain = nullptr;
  const auto query = h.query();
  auto parsed_query = query.empty() ? std::optional<Pairs>(Pairs{})
                                    : ParseForm(std::string_view(query.data(), query.size()));
  if (draining_.load()) {
    req.route = nullptr;
    chain = &shutting_down_;
  } else if (req.body.size() > options_.body_limit_bytes) {
    req.route = nullptr;  // nothing but the error: no authentication, no rate limit
    chain = &too_large_;
  } else if (bad_path) {
    req.route = nullptr;
    chain = &bad_path_;
  } else if (!parsed_query) {
    req.route = nullptr;
    chain = &bad_query_;
  } else if (!match.path_known) {
    chain = &not_found_;
  } else if (route == nullptr) {
    chain = &not_allowed_;
  } else {
    req.query = std::move(*parsed_query);
    chain = &route_chains_[index];
  }

  Response resp;
  try {
    resp = (*chain)(req);
  } catch (const std::exception& e) {
    resp = errors_(req, 500, "An internal error occurred.");
  }

  if (resp.stream) return SendStreamed(handle, req, std::move(resp));
  auto out = handle->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)},
      std::string(ReasonPhrase(resp.status))});
  for (auto& [k, v] : resp.headers) out.append_header(std::move(k), std::move(v));
  if (resp.status != 204 && resp.status != 304) {
    out.append_header(restinio::http_field::content_type, std::move(resp.content_type));
  }
  if (resp.close_connection) out.connection_close();
  if (req.method != "HEAD") out.set_body(std::move(resp.body));
  return out.done();
}

namespace {

// Sends a streamed body one chunk at a time: the next chunk is made only once the previous one
// has been written, so a large export holds one chunk in memory, not the whole body. Counts as
// in flight until it ends, so a graceful stop waits for it.
class ChunkedSender : public std::enable_shared_from_this<ChunkedSender> {
 public:
  ChunkedSender(restinio::response_builder_t<restinio::chunked_output_t> out, BodyStream next,
                std::atomic<int>& in_flight)
      : out_(std::move(out)), next_(std::move(next)), in_flight_(in_flight) {
    in_flight_.fetch_add(1);
  }
  ~ChunkedSender() { in_flight_.fetch_sub(1); }
  ChunkedSender(const ChunkedSender&) = delete;
  ChunkedSender& operator=(const ChunkedSender&) = delete;

  void Pump() {
    std::string chunk;
    bool more = false;
    try {
      more = next_(chunk);
    } catch (const std::exception&) {
      // No final chunk: the client sees an incomplete body, and the connection is dropped.
      return;
    }
    if (!chunk.empty()) out_.append_chunk(std::move(chunk));
    if (!more) {
      out_.done();
      return;
    }
    out_.flush([self = shared_from_this()](const restinio::asio_ns::error_code& ec) {
      if (!ec) self->Pump();  // otherwise the client has gone: stop making chunks
    });
  }

 private:
  restinio::response_builder_t<restinio::chunked_output_t> out_;
  BodyStream next_;
  std::atomic<int>& in_flight_;
};

}  // namespace

restinio::request_handling_status_t Server::Impl::SendStreamed(
    const restinio::request_handle_t& handle, const Request& req, Response resp) {
  auto out = handle->create_response<restinio::chunked_output_t>(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)},
      std::string(ReasonPhrase(resp.status))});
  for (auto& [k, v] : resp.headers) out.append_header(std::move(k), std::move(v));
  out.append_header(restinio::http_field::content_type, std::move(resp.content_type));
  if (resp.close_connection) out.connection_close();
  if (req.method == "HEAD") return out.done();
  if (!resp.body.empty()) out.append_chunk(std::move(resp.body));
  auto sender = std::make_shared<ChunkedSender>(std::move(out), std::move(resp.stream), in_flight_);
  sender->Pump();
  return restinio::request_accepted();
}

std::unique_ptr<Router> Server::Impl::BuildRouter() {
  // 404, 405 and every route are decided in Serve(), by table_.
  return std::make_unique<Router>(
      [this](const restinio::request_handle_t& handle) { return Serve(handle); });
}

template <typename T>
RestinioServer<T> Server::Impl::MakeServer(std::promise<std::uint16_t>& bound) {
  const std::size_t hard_limit =
      std::max(options_.body_limit_bytes * 4, options_.body_limit_bytes + (1u << 20));
  return std::make_unique<restinio::http_server_t<T>>(
      restinio::external_io_context(io_),
      restinio::server_settings_t<T>{}
          .address(options_.host)
          .port(options_.port)
          .request_handler(BuildRouter())
          .read_next_http_message_timelimit(options_.read_timeout)
          .write_http_response_timelimit(options_.write_timeout)
          .handle_request_timeout(options_.handler_timeout)
          // Bodies up to the hard limit are read so that the handler can answer 413 past the
          // configured limit; past the hard limit the connection is closed unread.
          .incoming_http_msg_limits(
              restinio::incoming_http_msg_limits_t{}.max_body_size(hard_limit))
          // TCP_NODELAY: a response goes out as headers and body in separate writes; with Nagle
          // on, the second waits for the client's delayed ACK, ~40 ms (seen as p99 = 43 ms on
          // the customer list with one connection).
          .socket_options_setter([](restinio::socket_options_t& options) {
            restinio::asio_ns::error_code ec;  // best effort: a socket without it still works
            options.set_option(restinio::asio_ns::ip::tcp::no_delay{true}, ec);
          })
          .acceptor_post_bind_hook([&bound](restinio::asio_ns::ip::tcp::acceptor& acceptor) {
            bound.set_value(acceptor.local_endpoint().port());
          }));
}

Result<std::uint16_t> Server::Impl::Start() {
  std::promise<std::uint16_t> bound;
  auto bound_future = bound.get_future();
  try {
    if (options_.threads <= 1) {
      server_ = MakeServer<SingleThreadTraits>(bound);
    } else {
      server_ = MakeServer<Traits>(bound);
    }
  } catch (const std::exception& e) {
    return Unavailable(std::string("Cannot configure the HTTP server: ") + e.what());
  }
  std::promise<std::string> opened;
  auto opened_future = opened.get_future();
  std::visit(
      [&opened](auto& server) {
        server->open_async([&opened] { opened.set_value(""); },
                           [&opened](std::exception_ptr ex) {
                             try {
                               std::rethrow_exception(ex);
                             } catch (const std::exception& e) {
                               opened.set_value(e.what());
                             }
                           });
      },
      server_);
  for (int i = 0; i < std::max(1, options_.threads); ++i) {
    threads_.emplace_back([this] { io_.run(); });
  }
  const std::string error = opened_future.get();
  if (!error.empty()) {
    io_.stop();
    for (auto& t : threads_) t.join();
    threads_.clear();
    return Unavailable("Cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                       ": " + error);
  }
  return bound_future.get();
}

void Server::Impl::Stop() {
  std::call_once(stop_once_, [this] {
    if (threads_.empty()) return;  // never started, or failed to
    draining_ = true;
    const auto deadline = std::chrono::steady_clock::now() + options_.shutdown_grace;
    while (in_flight_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::promise<void> closed;
    std::visit(
        [&closed](auto& server) {
          server->close_async([&closed] { closed.set_value(); },
                              [&closed](std::exception_ptr) { closed.set_value(); });
        },
        server_);
    closed.get_future().wait();
    io_.stop();
    for (auto& t : threads_) t.join();
    threads_.clear();
  });
}

Server::Server(ServerOptions options, std::vector<Route> routes, std::vector<Middleware> middleware,
               ErrorResponder errors, Handler unrouted)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(routes), std::move(middleware),
                                   std::move(errors), std::move(unrouted))) {}

Server::~Server() { Stop(); }

Result<std::uint16_t> Server::Start() { return impl_->Start(); }
void Server::Stop() { impl_->Stop(); }

void Server::BlockStopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

void Server::WaitForStopSignal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int sig = 0;
  sigwait(&set, &sig);
  Stop();
}

}  // namespace csphub::http
