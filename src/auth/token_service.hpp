#pragma once
// Access tokens: HS256-signed JWTs (libjwt) carrying tenant, subject, roles and expiry.
// Thread-safe. The key is shared by every node of an instance (configuration or database).
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/clock.hpp"
#include "common/status.hpp"
#include "domain/call_context.hpp"
#include "domain/identity/identity_service.hpp"

namespace csphub::auth {

struct TokenClaims {
  domain::PrincipalKind kind = domain::PrincipalKind::kPartnerUser;
  std::string tenant_id;
  std::string subject_id;
  std::string user_principal_name;
  std::string application_id;
  domain::RoleSet roles;
  bool must_change_password = false;
  bool customer_global_admin = false;  // customer users: holds the Global Administrator role
  std::int64_t expires_at = 0;         // unix seconds
};

class TokenService {
 public:
  // `key` must be at least 32 bytes.
  TokenService(std::string key, int ttl_seconds, const Clock& clock)
      : key_(std::move(key)), ttl_seconds_(ttl_seconds), clock_(clock) {}

  Result<std::string> Issue(const domain::SignedIn& who) const;
  // Unauthenticated when the token is malformed, not HS256, badly signed or expired.
  Result<TokenClaims> Verify(const std::string& token) const;
  int ttl_seconds() const { return ttl_seconds_; }

  // How many verified tokens are remembered (the cache is emptied when it is full).
  static constexpr std::size_t kVerifiedCacheSize = 4096;

 private:
  Result<TokenClaims> Decode(const std::string& token) const;

  std::string key_;
  int ttl_seconds_;
  const Clock& clock_;
  // Tokens whose signature was verified, by their exact text: a client sends the same token on
  // every request, and libjwt's decode (base64, JSON parse, HMAC) was ~15% of the CPU of
  // GET /v1/customers/{id} (docs/bench-results.md). The whole text is the key, signature
  // included, so a hit is the same bytes checked before with the same key; the expiry is
  // still checked on every hit. Only good tokens are kept: a flood of bad ones cannot evict.
  mutable std::mutex cache_mu_;
  mutable std::unordered_map<std::string, TokenClaims> verified_;
};

}  // namespace csphub::auth
