#include "api/middleware.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdint>
#include <iterator>
#include <mutex>
#include <unordered_map>

#include "api/call_context.hpp"
#include "api/error_mapping.hpp"
#include "api/json.hpp"
#include "api/portal_session.hpp"
#include "common/ids.hpp"

namespace csphub::api {
namespace {

constexpr std::size_t kMaxIdLength = 128;

std::string IdOrNew(const std::optional<std::string>& given, IdGenerator& ids) {
  if (given && !given->empty() && given->size() <= kMaxIdLength) return *given;
  return ids.NewGuid();
}

// Remembers for a few seconds whether a tenant is active, so that disabling a partner takes
// effect quickly without a store read on every request.
class TenantActivityCache {
 public:
  explicit TenantActivityCache(domain::IdentityService& identity) : identity_(identity) {}
  Status Check(const std::string& tenant_id) {
    const auto now = std::chrono::steady_clock::now();
    {
      std::lock_guard lock(mu_);
      auto it = entries_.find(tenant_id);
      if (it != entries_.end() && now - it->second.checked < std::chrono::seconds(5)) {
        return it->second.status;
      }
    }
    Status st = identity_.CheckTenantActive(tenant_id);
    std::lock_guard lock(mu_);
    entries_[tenant_id] = {st, now};
    return st;
  }

 private:
  struct Entry {
    Status status;
    std::chrono::steady_clock::time_point checked;
  };
  domain::IdentityService& identity_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
};

// The access-log line, written straight into a stack buffer. The same JSON as JsonOut (RapidJSON)
// wrote, byte for byte, at a fraction of the cost: RapidJSON's Writer escapes one character at a
// time, and perf put that loop at ~4% of the server's CPU on GET /healthz (docs/bench-results.md).
class AccessLine {
 public:
  // `prefix` is the punctuation and quoted key before the value, e.g. `,"path":`.
  void Field(std::string_view prefix, std::string_view value) {
    Raw(prefix);
    out_.push_back('"');
    std::size_t copied = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const auto c = static_cast<unsigned char>(value[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      Raw(value.substr(copied, i - copied));
      copied = i + 1;
      Escape(c);
    }
    Raw(value.substr(copied));
    out_.push_back('"');
  }
  void Field(std::string_view prefix, std::int64_t value) {
    Raw(prefix);
    fmt::format_to(std::back_inserter(out_), "{}", value);
  }
  void Field(std::string_view prefix, int value) { Field(prefix, std::int64_t{value}); }
  std::string_view Finish() {
    out_.push_back('}');
    return {out_.data(), out_.size()};
  }

 private:
  void Raw(std::string_view text) { out_.append(text.data(), text.data() + text.size()); }
  // RapidJSON's escapes: the short forms it knows, else \u00XX with upper-case hex digits.
  void Escape(unsigned char c) {
    out_.push_back('\\');
    switch (c) {
      case '"':
      case '\\':
        out_.push_back(static_cast<char>(c));
        return;
      case '\b':
        out_.push_back('b');
        return;
      case '\f':
        out_.push_back('f');
        return;
      case '\n':
        out_.push_back('n');
        return;
      case '\r':
        out_.push_back('r');
        return;
      case '\t':
        out_.push_back('t');
        return;
      default:
        constexpr std::string_view kHex = "0123456789ABCDEF";
        const char u[] = {'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        Raw(std::string_view(u, sizeof u));
    }
  }

  fmt::memory_buffer out_;  // 500 bytes inline: a typical line needs no allocation
};

// The Authorization header's token or, for the portal, its session cookie's. The cookie alone
// is refused: without X-CSPHub-Client it could be a cross-site request the browser adds it to.
Result<std::string> BearerToken(const http::Request& req) {
  const auto header = req.Header("Authorization");
  if (!header || header->empty()) {
    auto cookie = SessionCookieToken(req);
    if (!cookie) return Unauthenticated("Partner Token missing.", pc::kTokenMissing);
    if (!FromPortal(req)) {
      return Unauthenticated(
          std::string("The session cookie is accepted only with the ") + kClientHeader + " header.",
          pc::kTokenMissing);
    }
    return std::move(*cookie);
  }
  constexpr std::string_view kBearer = "Bearer ";
  if (header->size() <= kBearer.size() ||
      !EqualsIgnoreCase(std::string_view(*header).substr(0, kBearer.size()), kBearer)) {
    return Unauthenticated("The Authorization header must be 'Bearer <token>'.");
  }
  return header->substr(kBearer.size());
}

}  // namespace

const domain::CallContext& Caller(const http::Request& req) {
  return *std::any_cast<domain::CallContext>(&req.principal);
}

http::Middleware RequestIds(IdGenerator& ids) {
  return [&ids](http::Request& req, const http::Handler& next) {
    req.request_id = IdOrNew(req.Header("MS-RequestId"), ids);
    req.correlation_id = IdOrNew(req.Header("MS-CorrelationId"), ids);
    http::Response resp = next(req);
    resp.SetHeader("MS-RequestId", req.request_id);
    resp.SetHeader("MS-CorrelationId", req.correlation_id);
    return resp;
  };
}

http::Middleware AccessLog() {
  return [](http::Request& req, const http::Handler& next) {
    // Nothing to measure or format when the level leaves the line out (log_level warn or above).
    if (!spdlog::should_log(spdlog::level::info)) return next(req);
    const auto start = std::chrono::steady_clock::now();
    http::Response resp = next(req);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    AccessLine line;
    line.Field("{\"event\":", "request");
    line.Field(",\"method\":", req.method);
    line.Field(",\"path\":", req.path);
    line.Field(",\"route\":", req.route ? std::string_view(req.route->pattern) : "");
    line.Field(",\"status\":", resp.status);
    line.Field(",\"ms\":", static_cast<std::int64_t>(ms * 1000) / 1000);
    line.Field(",\"requestId\":", req.request_id);
    line.Field(",\"correlationId\":", req.correlation_id);
    line.Field(",\"tenant\":", req.tenant_key);
    line.Field(",\"remote\":", req.remote_address);
    line.Field(",\"bytesIn\":", static_cast<std::int64_t>(req.body.size()));
    line.Field(",\"bytesOut\":", static_cast<std::int64_t>(resp.body.size()));
    spdlog::info(line.Finish());
    return resp;
  };
}

http::Middleware Authenticate(const auth::TokenService& tokens, domain::IdentityService& identity) {
  auto cache = std::make_shared<TenantActivityCache>(identity);
  return [&tokens, cache](http::Request& req, const http::Handler& next) {
    if (req.route == nullptr || !req.route->authenticated) return next(req);
    auto token = BearerToken(req);
    if (!token.ok()) return ErrorResponse(token.status());
    auto claims = tokens.Verify(*token);
    if (!claims.ok()) return ErrorResponse(claims.status());
    if (!claims->tenant_id.empty()) {
      Status active = cache->Check(claims->tenant_id);
      if (!active.ok()) return ErrorResponse(active);
    }
    // A temporary password must be replaced before anything else is done with the token.
    if (claims->must_change_password && req.route->group != "me") {
      return ErrorResponse(
          PermissionDenied("You must change your temporary password first (POST /v1/me/password).",
                           pc::kPasswordChangeRequired));
    }
    domain::CallContext ctx;  // the claims are ours to move: Verify() returned a copy
    ctx.kind = claims->kind;
    ctx.tenant_id = std::move(claims->tenant_id);
    ctx.subject_id = std::move(claims->subject_id);
    ctx.user_principal_name = std::move(claims->user_principal_name);
    ctx.application_id = std::move(claims->application_id);
    ctx.roles = claims->roles;
    ctx.customer_global_admin = claims->customer_global_admin;
    ctx.request_id = req.request_id;
    ctx.correlation_id = req.correlation_id;
    req.tenant_key = ctx.tenant_id.empty() ? ctx.subject_id : ctx.tenant_id;
    req.principal = std::move(ctx);
    return next(req);
  };
}

http::Middleware RateLimit(std::shared_ptr<http::RateLimiter> limiter) {
  return [limiter](http::Request& req, const http::Handler& next) {
    if (req.route == nullptr) return next(req);
    const std::string key = req.tenant_key.empty() ? "ip:" + req.remote_address : req.tenant_key;
    const http::RateDecision d = limiter->Take(key, req.route->group);
    if (d.limit == 0) return next(req);  // unlimited group
    http::Response resp;
    if (d.allowed) {
      resp = next(req);
    } else {
      // Partner Center's 429 body is {statusCode, message}; we add the ApiFault fields too.
      const std::string message =
          "Rate limit is exceeded. Try again in " + std::to_string(d.retry_after) + " seconds.";
      resp.status = 429;
      JsonOut j;
      j.BeginObject().Field("statusCode", 429).Field("message", message);
      j.Field("code", std::to_string(pc::kRateLimited)).Field("description", message);
      j.BeginArray("data").EndArray().Field("source", "csphub").EndObject();
      resp.body = j.str();
      resp.SetHeader("Retry-After", std::to_string(d.retry_after));
    }
    resp.SetHeader("RateLimit-Limit", std::to_string(d.limit));
    resp.SetHeader("RateLimit-Remaining", std::to_string(d.remaining));
    resp.SetHeader("RateLimit-Reset", std::to_string(d.reset_seconds));
    return resp;
  };
}

}  // namespace csphub::api
