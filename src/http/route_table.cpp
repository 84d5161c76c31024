#include "http/route_table.hpp"

#include <stdexcept>

namespace csphub::http {
namespace {

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Splits "/a/b/c" into {"a", "b", "c"}, after dropping one trailing '/' ("/a/b/" is "/a/b").
// Empty parts stay ("/a//b" has three), so they fail to match as the regexes did. False when
// the path does not start with '/'.
bool Split(std::string_view path, std::vector<std::string_view>& parts) {
  if (path.empty() || path.front() != '/') return false;
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  path.remove_prefix(1);
  for (;;) {
    const std::size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}

}  // namespace

RouteTable::RouteTable(const std::vector<Route>& routes) {
  for (const Route& route : routes) {
    const std::string& pattern = route.info.pattern;
    const std::string& method = route.info.method;
    if (method != "GET" && method != "POST" && method != "PUT" && method != "PATCH" &&
        method != "DELETE" && method != "HEAD" && method != "OPTIONS") {
      throw std::invalid_argument("unsupported method in route table: " + method);
    }
    Entry e{method, {}};
    std::vector<std::string_view> parts;
    if (!Split(pattern, parts) || (pattern.size() > 1 && pattern.back() == '/')) {
      throw std::invalid_argument("route pattern must start with '/' and not end with it: " +
                                  pattern);
    }
    for (std::string_view part : parts) {
      Segment s;
      if (!part.empty() && part.front() == ':') {
        s.param = true;
        s.text = std::string(part.substr(1));
        if (s.text.empty()) throw std::invalid_argument("unnamed parameter in " + pattern);
        for (char c : s.text) {
          if (!IsNameChar(c)) {
            throw std::invalid_argument("only plain \":name\" parameters are supported: " +
                                        pattern);
          }
        }
      } else {
        if (part.empty()) throw std::invalid_argument("empty segment in " + pattern);
        for (char c : part) {
          // Characters with a meaning in path-to-regexp; a literal '.' is fine.
          if (c == ':' || c == '(' || c == ')' || c == '?' || c == '*' || c == '+') {
            throw std::invalid_argument("unsupported pattern syntax in " + pattern);
          }
          s.text.push_back(LowerAscii(c));
        }
      }
      e.segments.push_back(std::move(s));
    }
    const std::size_t n = e.segments.size();
    if (by_length_.size() <= n) by_length_.resize(n + 1);
    by_length_[n].push_back(entries_.size());
    entries_.push_back(std::move(e));
  }
}

bool RouteTable::Matches(const Entry& e, const std::vector<std::string_view>& parts) {
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Segment& s = e.segments[i];
    const std::string_view p = parts[i];
    if (s.param) {
      if (p.empty()) return false;
      continue;
    }
    if (p.size() != s.text.size()) return false;
    for (std::size_t k = 0; k < p.size(); ++k) {
      if (LowerAscii(p[k]) != s.text[k]) return false;
    }
  }
  return true;
}

RouteTable::Match RouteTable::Find(std::string_view method, std::string_view path,
                                   Pairs& params) const {
  Match m;
  std::vector<std::string_view> parts;
  parts.reserve(8);
  if (!Split(path, parts) || parts.size() >= by_length_.size()) return m;
  for (const std::size_t index : by_length_[parts.size()]) {
    const Entry& e = entries_[index];
    if (!Matches(e, parts)) continue;
    m.path_known = true;
    if (e.method != method) continue;
    m.route = index;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (e.segments[i].param) params.emplace_back(e.segments[i].text, std::string(parts[i]));
    }
    return m;
  }
  return m;
}

}  // namespace csphub::http
