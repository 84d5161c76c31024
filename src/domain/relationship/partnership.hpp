#pragma once
#include <optional>
#include <string>

#include "common/clock.hpp"

namespace csphub::domain {

// An indirect provider ↔ indirect reseller relationship (reference §0.1 "Partnership").
struct Partnership {
  std::string provider_tenant_id;
  std::string reseller_tenant_id;
  TimePoint created_at;
};

// A provider's personalised link. Only the SHA-256 of its token is stored; the link itself is
// shown once, when it is made. Reusable by any reseller until it expires or is revoked.
struct PartnershipInvitation {
  std::string id;
  std::string provider_tenant_id;
  std::string token_hash;  // hex SHA-256 of the random token
  std::string created_by;  // user principal name or client ID
  TimePoint created_at;
  TimePoint expires_at;
  std::optional<TimePoint> revoked_at;
};

}  // namespace csphub::domain
