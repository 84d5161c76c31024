#pragma once
// csphub's own request/response types. Everything outside src/http/ sees only these, never
// RESTinio's, so handlers stay plain functions that tests can call without a server.
#include <any>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace csphub::http {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct RouteInfo {
  std::string method;   // "GET", "POST", ...
  std::string pattern;  // express-style: "/v1/partners/:id"
  std::string group;    // rate-limit group: "customers", "auth", "admin", ...
  bool authenticated = true;
};

struct Request {
  std::string method;
  std::string path;  // without the query string
  Pairs query;       // decoded
  Pairs headers;
  Pairs params;  // route parameters, decoded
  std::string body;
  std::string remote_address;
  const RouteInfo* route = nullptr;

  // Filled in by middleware.
  std::string request_id;
  std::string correlation_id;
  std::string tenant_key;  // who the rate limiter counts this request against
  std::any principal;      // the verified caller, as the api layer defines it

  std::optional<std::string> Header(std::string_view name) const;  // case-insensitive
  std::optional<std::string> Query(std::string_view name) const;   // case-insensitive
  std::string Param(std::string_view name) const;
};

// A body made in chunks after the handler has answered (large exports). Called again and again
// on a server thread, each time after the previous chunk was written: it appends the next chunk
// to `out` and returns true while more follow. A failure after the first chunk cannot change the
// status any more: throw, and the response is cut off without its final chunk, which HTTP
// clients report as an incomplete body.
using BodyStream = std::function<bool(std::string& out)>;

struct Response {
  int status = 200;
  Pairs headers;
  std::string body;   // the whole body, or its first part when `stream` is set
  BodyStream stream;  // when set: the rest, sent with chunked transfer encoding
  std::string content_type = "application/json; charset=utf-8";
  bool close_connection = false;

  void SetHeader(std::string name, std::string value);
};

using Handler = std::function<Response(Request&)>;
// A middleware stage either answers by itself or calls `next` (a Drogon-filter-like onion).
using Middleware = std::function<Response(Request&, const Handler& next)>;

struct Route {
  RouteInfo info;
  Handler handler;
};

// Parses an application/x-www-form-urlencoded body; nullopt when it is malformed.
std::optional<Pairs> ParseForm(std::string_view body);
std::string_view ReasonPhrase(int status);

}  // namespace csphub::http
