#pragma once
// Finds the route of a request path without regular expressions (docs/adr/0007-own-router.md).
// It keeps the semantics of the RESTinio express router it replaced, for the patterns csphub
// uses (literal segments and ":name" segments, nothing else):
//   - routes are tried in table order; the first whose method and path match wins;
//   - literal segments compare ASCII case-insensitively (path-to-regexp's `sensitive=false`);
//   - a ":name" segment takes one or more characters up to the next '/';
//   - one trailing '/' is ignored (`strict=false`), and the whole path must match (`end=true`);
//   - a path that some route matches with another method is "not allowed" (405), else 404.
// The caller passes the path already normalized as RESTinio's router did (percent-encoded
// unreserved characters decoded; src/http/server.cpp), so parameters are what they were.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace csphub::http {

class RouteTable {
 public:
  // Throws std::invalid_argument for a pattern this matcher does not understand (a regex
  // group, a modifier such as '?', or a segment that is not a literal or ":name").
  explicit RouteTable(const std::vector<Route>& routes);

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  struct Match {
    std::size_t route = kNone;  // index into the routes given; kNone: no route for the method
    bool path_known = false;    // some route matches the path (with another method: 405)
  };
  // On a match, `params` receives the route's parameters in pattern order.
  Match Find(std::string_view method, std::string_view path, Pairs& params) const;

 private:
  struct Segment {
    std::string text;  // the literal, lower-case; or the parameter's name
    bool param = false;
  };
  struct Entry {
    std::string method;
    std::vector<Segment> segments;
  };
  static bool Matches(const Entry& e, const std::vector<std::string_view>& parts);

  std::vector<Entry> entries_;  // in table order
  // Entries by segment count: only those can match a path of that many segments.
  std::vector<std::vector<std::size_t>> by_length_;
};

}  // namespace csphub::http
