#include "api/portal_session.hpp"

#include "common/ids.hpp"

namespace csphub::api {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::string Attributes(int max_age_seconds, bool secure) {
  std::string out =
      "; Path=/; Max-Age=" + std::to_string(max_age_seconds) + "; HttpOnly; SameSite=Strict";
  if (secure) out += "; Secure";
  return out;
}

}  // namespace

bool FromPortal(const http::Request& req) {
  const auto client = req.Header(kClientHeader);
  return client && EqualsIgnoreCase(*client, kPortalClient);
}

std::optional<std::string> SessionCookieToken(const http::Request& req) {
  // Browsers send one Cookie header: "a=1; b=2" (RFC 6265 §5.4).
  const auto header = req.Header("Cookie");
  if (!header) return std::nullopt;
  std::string_view rest = *header;
  const std::string_view name = kSessionCookie;
  while (!rest.empty()) {
    const std::size_t end = rest.find(';');
    const std::string_view pair = Trim(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
        pair[name.size()] == '=') {
      const std::string_view value = pair.substr(name.size() + 1);
      if (!value.empty()) return std::string(value);
    }
  }
  return std::nullopt;
}

std::string SessionCookie(const std::string& token, int max_age_seconds, bool secure) {
  return std::string(kSessionCookie) + "=" + token + Attributes(max_age_seconds, secure);
}

std::string ClearedSessionCookie(bool secure) {
  return std::string(kSessionCookie) + "=" + Attributes(0, secure);
}

}  // namespace csphub::api
