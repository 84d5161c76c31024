#include "domain/customer/self_serve_policy.hpp"

#include "common/ids.hpp"

namespace csphub::domain {

const std::vector<SelfServePermission>& KnownSelfServePermissions() {
  static const std::vector<SelfServePermission> kKnown = {{"AzureReservedInstances", "Purchase"}};
  return kKnown;
}

std::optional<SelfServePermission> NormalizeSelfServePermission(const SelfServePermission& p) {
  for (const auto& known : KnownSelfServePermissions()) {
    if (EqualsIgnoreCase(p.resource, known.resource) && EqualsIgnoreCase(p.action, known.action)) {
      return known;
    }
  }
  return std::nullopt;
}

std::optional<std::pair<std::string, std::string>> ParseSelfServePolicyId(std::string_view id) {
  const auto at = id.find('_');
  if (at == std::string_view::npos) return std::nullopt;
  std::string grantor = ToLower(id.substr(0, at));
  std::string customer = ToLower(id.substr(at + 1));
  if (!IsGuid(grantor) || !IsGuid(customer)) return std::nullopt;
  return std::make_pair(std::move(grantor), std::move(customer));
}

}  // namespace csphub::domain
