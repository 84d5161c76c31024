#include "auth/token_service.hpp"

#include <jwt.h>

#include <cerrno>
#include <cstdlib>
#include <memory>

namespace csphub::auth {
namespace {

using domain::PrincipalKind;

struct JwtDeleter {
  void operator()(jwt_t* j) const { jwt_free(j); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

const char* KindName(PrincipalKind k) {
  switch (k) {
    case PrincipalKind::kOperator:
      return "operator";
    case PrincipalKind::kPartnerUser:
      return "user";
    case PrincipalKind::kApp:
      return "app";
    case PrincipalKind::kCustomerUser:
      return "customer_user";
  }
  return "unknown";
}

bool ParseKind(const std::string& s, PrincipalKind* out) {
  for (auto k : {PrincipalKind::kOperator, PrincipalKind::kPartnerUser, PrincipalKind::kApp,
                 PrincipalKind::kCustomerUser}) {
    if (s == KindName(k)) {
      *out = k;
      return true;
    }
  }
  return false;
}

std::string GrantOr(jwt_t* j, const char* name) {
  const char* v = jwt_get_grant(j, name);
  return v ? v : "";
}

Status BadToken(const char* why) {
  return Unauthenticated(std::string("The access token is not valid: ") + why + ".",
                         pc::kAccessDenied);
}

}  // namespace

Result<std::string> TokenService::Issue(const domain::SignedIn& who) const {
  jwt_t* raw = nullptr;
  if (jwt_new(&raw) != 0) return Internal("jwt_new failed");
  JwtPtr j(raw);
  const std::int64_t now = clock_.NowUnix();
  int rc = jwt_set_alg(j.get(), JWT_ALG_HS256, reinterpret_cast<const unsigned char*>(key_.data()),
                       static_cast<int>(key_.size()));
  rc |= jwt_add_grant(j.get(), "iss", "csphub");
  rc |= jwt_add_grant(j.get(), "kind", KindName(who.kind));
  rc |= jwt_add_grant(j.get(), "sub", who.subject_id.c_str());
  if (!who.tenant_id.empty()) rc |= jwt_add_grant(j.get(), "tid", who.tenant_id.c_str());
  if (!who.user_principal_name.empty()) {
    rc |= jwt_add_grant(j.get(), "upn", who.user_principal_name.c_str());
  }
  if (!who.application_id.empty())
    rc |= jwt_add_grant(j.get(), "appid", who.application_id.c_str());
  rc |= jwt_add_grant_int(j.get(), "rol", static_cast<long>(who.roles.bits()));
  rc |= jwt_add_grant_bool(j.get(), "pwdchg", who.must_change_password ? 1 : 0);
  if (who.kind == PrincipalKind::kCustomerUser) {
    rc |= jwt_add_grant_bool(j.get(), "cga", who.customer_global_admin ? 1 : 0);
  }
  rc |= jwt_add_grant_int(j.get(), "iat", static_cast<long>(now));
  rc |= jwt_add_grant_int(j.get(), "exp", static_cast<long>(now + ttl_seconds_));
  if (rc != 0) return Internal("building the JWT failed");
  char* encoded = jwt_encode_str(j.get());
  if (encoded == nullptr) return Internal("jwt_encode_str failed");
  std::string out(encoded);
  free(encoded);  // libjwt 1.10 allocates with malloc and has no jwt_free_str
  return out;
}

Result<TokenClaims> TokenService::Verify(const std::string& token) const {
  const std::int64_t now = clock_.NowUnix();
  {
    std::lock_guard lock(cache_mu_);
    if (auto it = verified_.find(token); it != verified_.end()) {
      if (it->second.expires_at > now) return it->second;
      verified_.erase(it);
      return BadToken("expired");
    }
  }
  ASSIGN_OR_RETURN(TokenClaims claims, Decode(token));
  std::lock_guard lock(cache_mu_);
  if (verified_.size() >= kVerifiedCacheSize) verified_.clear();  // bounded; refilled as used
  verified_.emplace(token, claims);
  return claims;
}

Result<TokenClaims> TokenService::Decode(const std::string& token) const {
  jwt_t* raw = nullptr;
  // jwt_decode checks the signature when given a key; it accepts only the algorithm the
  // header names, so insist on HS256 below (an "alg":"none" token must never pass).
  if (jwt_decode(&raw, token.c_str(), reinterpret_cast<const unsigned char*>(key_.data()),
                 static_cast<int>(key_.size())) != 0 ||
      raw == nullptr) {
    if (raw) jwt_free(raw);
    return BadToken("malformed or badly signed");
  }
  JwtPtr j(raw);
  if (jwt_get_alg(j.get()) != JWT_ALG_HS256) return BadToken("wrong algorithm");
  TokenClaims c;
  errno = 0;
  c.expires_at = jwt_get_grant_int(j.get(), "exp");
  if (errno != 0 || c.expires_at <= clock_.NowUnix()) return BadToken("expired");
  if (!ParseKind(GrantOr(j.get(), "kind"), &c.kind)) return BadToken("unknown principal kind");
  c.tenant_id = GrantOr(j.get(), "tid");
  c.subject_id = GrantOr(j.get(), "sub");
  c.user_principal_name = GrantOr(j.get(), "upn");
  c.application_id = GrantOr(j.get(), "appid");
  c.roles =
      domain::RoleSet::FromBits(static_cast<std::uint32_t>(jwt_get_grant_int(j.get(), "rol")));
  c.must_change_password = jwt_get_grant_bool(j.get(), "pwdchg") == 1;
  c.customer_global_admin =
      c.kind == PrincipalKind::kCustomerUser && jwt_get_grant_bool(j.get(), "cga") == 1;
  return c;
}

}  // namespace csphub::auth
