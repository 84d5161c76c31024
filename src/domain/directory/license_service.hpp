#pragma once
// Licenses of a customer's users: GET /v1/customers/{id}/subscribedskus, POST
// …/users/{uid}/licenseupdates, GET …/users/{uid}/licenses, and the users holding a SKU
// (issue 5; reference §2.8, §4.3 LicenseUpdate, License, SubscribedSku). Needs delegated admin.
#include <string>
#include <vector>

#include "domain/call_context.hpp"
#include "domain/commerce/subscription.hpp"
#include "domain/customer/customer.hpp"
#include "domain/directory/license.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

struct LicenseToAssign {
  std::string sku_id;
  std::vector<std::string> excluded_plans;
};

struct LicenseUpdate {
  std::vector<LicenseToAssign> assign;
  std::vector<std::string> remove;  // SKU IDs
};

// A license a user holds, with its SKU's name.
struct UserLicense {
  LicenseAssignment assignment;
  std::string sku_name;
};

class LicenseService {
 public:
  explicit LicenseService(ServiceDeps& deps) : deps_(deps) {}

  // Every SKU the customer bought or still has assigned, with active, suspended and consumed
  // units, by SKU ID.
  Result<std::vector<SubscribedSku>> SubscribedSkus(const CallContext& ctx,
                                                    const std::string& customer_id);
  // Removes, then assigns, in one transaction. Errors: 400 naming
  // licensesToAssign[i].skuId for a SKU the customer never bought; 400 60012 when no unit is
  // left; 400 700210 when the user has no usage location; 409 700211 for a deleted user.
  // Assigning a held SKU again replaces its excluded plans. Audit
  // `update_customer_user_licenses`.
  Result<LicenseUpdate> Update(const CallContext& ctx, const std::string& customer_id,
                               const std::string& user_id, LicenseUpdate update);
  Result<std::vector<UserLicense>> UserLicenses(const CallContext& ctx,
                                                const std::string& customer_id,
                                                const std::string& user_id);
  // The users who hold the SKU: one index range over the assignments.
  Result<std::vector<CustomerUser>> UsersWithSku(const CallContext& ctx,
                                                 const std::string& customer_id,
                                                 const std::string& sku_id);

 private:
  ServiceDeps& deps_;
};

// The license SKU a subscription counts towards ("{productId}:{skuId}"), or "" when it sells no
// user licenses (usage-billed, or an offer without a SKU).
std::string LicenseSkuOf(const Subscription& s);

// For SubscriptionService: OK when `s`, active with `new_quantity` after the change, leaves at
// least as many active units of its SKU as are assigned; 400 (800090) otherwise. Only a lower
// quantity is checked.
Status CheckAssignedUnitsStayCovered(Repositories& repos, const Subscription& s,
                                     std::int64_t new_quantity, TimePoint now);

}  // namespace csphub::domain
