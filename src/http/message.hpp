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

struct Response {
  int status = 200;
  Pairs headers;
  std::string body;
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
