#pragma once
// Customer permissions (/v1/SelfServePolicy; issue 4, reference §2.11, §4.3 SelfServePolicy):
// a bill-to partner lets one of its customers buy Azure reservations itself.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/call_context.hpp"
#include "domain/customer/self_serve_policy.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

// A POST or PUT body as sent (the entity types are checked here, not in the API layer).
struct SelfServePolicyRequest {
  std::string entity_type;        // selfServeEntity.selfServeEntityType: "customer"
  std::string customer_id;        // selfServeEntity.tenantID
  std::string grantor_type;       // grantor.grantorType: "billToPartner" (empty: the same)
  std::string grantor_tenant_id;  // grantor.tenantID (empty: the caller)
  std::vector<SelfServePermission> permissions;
};

// Every call checks the role (create/update/delete: kManageSelfServePolicy; reads:
// kViewSelfServePolicy), then the caller's relationship with the customer (404 never related,
// 403 20002 removed). A partner sees and changes only the policies it granted: another
// partner's policy ID answers 404.
class SelfServePolicyService {
 public:
  explicit SelfServePolicyService(ServiceDeps& deps) : deps_(deps) {}

  // 409 600041 when the caller already has a policy for the customer; 403 700204 for an
  // indirect reseller (only a bill-to partner grants); 400 naming the field otherwise.
  // Audited `create_self_serve_policy`.
  Result<SelfServePolicy> Create(const CallContext& ctx, const SelfServePolicyRequest& req);
  // The caller's policies for the customer (zero or one).
  Result<std::vector<SelfServePolicy>> ListForCustomer(const CallContext& ctx,
                                                       const std::string& customer_id);
  Result<SelfServePolicy> Get(const CallContext& ctx, const std::string& policy_id);
  // Replaces the permissions when `if_match` is the current etag (412 2055 otherwise). The
  // body's entity and grantor, when sent, must match the ID. Audited `update_self_serve_policy`.
  Result<SelfServePolicy> Update(const CallContext& ctx, const std::string& policy_id,
                                 const SelfServePolicyRequest& req, std::int64_t if_match);
  // Audited `delete_self_serve_policy`.
  Status Delete(const CallContext& ctx, const std::string& policy_id);

 private:
  ServiceDeps& deps_;
};

}  // namespace csphub::domain
