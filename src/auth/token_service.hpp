#pragma once
// Access tokens: HS256-signed JWTs (libjwt) carrying tenant, subject, roles and expiry.
// Thread-safe. The key is shared by every node of an instance (configuration or database).
#include <cstdint>
#include <string>

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

 private:
  std::string key_;
  int ttl_seconds_;
  const Clock& clock_;
};

}  // namespace csphub::auth
