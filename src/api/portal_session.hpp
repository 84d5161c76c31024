#pragma once
// The portal's session: the access token in an HttpOnly cookie instead of in the page's storage
// (docs/adr/0012-portal-session-cookie.md). The cookie counts only on requests that also carry
// the X-CSPHub-Client header, which a cross-site form or link cannot add: the CSRF defence.
#include <optional>
#include <string>

#include "http/message.hpp"

namespace csphub::api {

inline constexpr const char* kSessionCookie = "csphub_session";
inline constexpr const char* kClientHeader = "X-CSPHub-Client";
inline constexpr const char* kPortalClient = "portal";

// True when the request carries `X-CSPHub-Client: portal`: on the token endpoint it asks for the
// cookie, elsewhere it lets the cookie stand in for the Authorization header.
bool FromPortal(const http::Request& req);
// The value of the session cookie, if the request has one.
std::optional<std::string> SessionCookieToken(const http::Request& req);
// Set-Cookie values: the token for `max_age_seconds`, or the cookie removed. `secure` when the
// server is reached over TLS (public_url https://).
std::string SessionCookie(const std::string& token, int max_age_seconds, bool secure);
std::string ClearedSessionCookie(bool secure);

}  // namespace csphub::api
