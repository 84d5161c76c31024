#pragma once
// The request pipeline stages (docs/life-of-a-request.md), in order:
// RequestIds → AccessLog → Authenticate → RateLimit → handler.
#include <memory>

#include "auth/token_service.hpp"
#include "domain/identity/identity_service.hpp"
#include "http/message.hpp"
#include "http/rate_limiter.hpp"

namespace csphub::api {

// Reads MS-RequestId / MS-CorrelationId (generating GUIDs when absent) and echoes both on
// every response.
http::Middleware RequestIds(IdGenerator& ids);
// One structured (JSON) line per request: method, path, status, duration, IDs, tenant. Never the
// query string, headers or bodies, which may carry secrets.
http::Middleware AccessLog();
// Verifies the bearer token on authenticated routes and puts the CallContext in
// request.principal. A token whose tenant has been disabled stops working within a few seconds.
http::Middleware Authenticate(const auth::TokenService& tokens, domain::IdentityService& identity);
// Token buckets per tenant (or per client address before sign-in) and route group.
http::Middleware RateLimit(std::shared_ptr<http::RateLimiter> limiter);

}  // namespace csphub::api
