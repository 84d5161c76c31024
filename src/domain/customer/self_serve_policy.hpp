#pragma once
// Customer permissions: a bill-to partner lets a customer buy some products itself (reference
// §2.11, §4.3 SelfServePolicy). One policy per (grantor partner, customer).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"

namespace csphub::domain {

struct SelfServePermission {
  std::string resource;  // documented spelling, e.g. "AzureReservedInstances"
  std::string action;    // e.g. "Purchase"
  bool operator==(const SelfServePermission&) const = default;
};

// The permissions csphub knows, in their documented spelling: only Azure reservations can be
// bought by the customer itself (reference §2.11). Anything else is refused with 400.
const std::vector<SelfServePermission>& KnownSelfServePermissions();
// `p` in the documented spelling when it is a known permission (compared case-insensitively).
std::optional<SelfServePermission> NormalizeSelfServePermission(const SelfServePermission& p);

struct SelfServePolicy {
  std::string grantor_tenant_id;  // the bill-to partner
  std::string customer_id;        // the self-serve entity (a customer tenant)
  std::vector<SelfServePermission> permissions;
  std::int64_t etag = 1;  // changes with every update
  TimePoint created_at;
  TimePoint updated_at;

  // "{grantorTenantId}_{customerTenantId}" (reference §4.3).
  std::string Id() const { return grantor_tenant_id + "_" + customer_id; }
};

// Splits a policy ID into (grantor, customer), lower case; nullopt unless both are GUIDs.
std::optional<std::pair<std::string, std::string>> ParseSelfServePolicyId(std::string_view id);

}  // namespace csphub::domain
