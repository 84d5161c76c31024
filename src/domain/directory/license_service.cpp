#include "domain/directory/license_service.hpp"

#include <map>

#include "common/ids.hpp"
#include "common/json_text.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/directory/customer_user_access.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

// The customer's SKUs from its subscriptions (every partner's) and its assignments.
Result<std::map<std::string, SubscribedSku>> Skus(Repositories& repos,
                                                  const std::string& customer_id, TimePoint now) {
  std::map<std::string, SubscribedSku> skus;
  ASSIGN_OR_RETURN(auto subs, repos.Subscriptions().List({.customer_id = customer_id}));
  for (const Subscription& s : subs) {
    const std::string key = LicenseSkuOf(s);
    if (key.empty()) continue;
    SubscribedSku& sku = skus[key];
    if (sku.sku_id.empty()) {
      sku.sku_id = key;
      sku.product_id = s.product_id;
      auto catalog_sku = repos.Catalog().GetSku(s.product_id, s.sku_id);
      sku.name = catalog_sku.ok() ? catalog_sku->title : s.offer_name;
    }
    const SubscriptionStatus status = s.StatusAt(now);
    if (status == SubscriptionStatus::kActive) sku.active_units += s.quantity;
    if (status == SubscriptionStatus::kSuspended) sku.suspended_units += s.quantity;
  }
  ASSIGN_OR_RETURN(auto consumed, repos.Licenses().ConsumedBySku(customer_id));
  for (const auto& [key, count] : consumed) {
    SubscribedSku& sku = skus[key];
    if (sku.sku_id.empty()) {  // assigned, but no subscription of it is left
      sku.sku_id = key;
      sku.product_id = key.substr(0, key.find(':'));
      sku.name = key;
    }
    sku.consumed_units = count;
  }
  return skus;
}

std::string LicensesJson(const std::vector<LicenseAssignment>& held) {
  std::string out = "[";
  for (const auto& a : held) {
    if (out.size() > 1) out += ",";
    out += JsonObjectText().Add("skuId", a.sku_id).str();
  }
  return out + "]";
}

}  // namespace

std::string LicenseSkuOf(const Subscription& s) {
  if (s.billing_type != "license" || s.product_id.empty() || s.sku_id.empty()) return "";
  return s.product_id + ":" + s.sku_id;
}

Status CheckAssignedUnitsStayCovered(Repositories& repos, const Subscription& s,
                                     std::int64_t new_quantity, TimePoint now) {
  const std::string key = LicenseSkuOf(s);
  if (key.empty() || new_quantity >= s.quantity) return Status::Ok();
  ASSIGN_OR_RETURN(auto skus, Skus(repos, s.customer_id, now));
  const SubscribedSku& sku = skus[key];
  // The change leaves the subscription active (quantity changes happen only then), so the units
  // afterwards are the other active subscriptions' plus the new quantity.
  const bool active_now = s.StatusAt(now) == SubscriptionStatus::kActive;
  const std::int64_t after = sku.active_units - (active_now ? s.quantity : 0) + new_quantity;
  if (after >= sku.consumed_units) return Status::Ok();
  return InvalidArgument(
      "The quantity cannot go below the licenses in use: " + std::to_string(sku.consumed_units) +
          " of " + sku.name + " are assigned to users and " + std::to_string(after) +
          " would be left; remove licenses from users first.",
      pc::kLicensesAssigned);
}

Result<std::vector<SubscribedSku>> LicenseService::SubscribedSkus(const CallContext& ctx,
                                                                  const std::string& customer_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewCustomerUsers));
  const std::string cid = ToLower(customer_id);
  std::vector<SubscribedSku> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(OpenCustomerDirectory(repos, ctx, cid).status());
    ASSIGN_OR_RETURN(auto skus, Skus(repos, cid, deps_.clock.Now()));
    for (auto& [key, sku] : skus) out.push_back(std::move(sku));
    return Status::Ok();
  }));
  return out;
}

Result<LicenseUpdate> LicenseService::Update(const CallContext& ctx, const std::string& customer_id,
                                             const std::string& user_id, LicenseUpdate update) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManageLicenses));
  if (update.assign.empty() && update.remove.empty()) {
    return InvalidField("licensesToAssign", "or licensesToRemove must name at least one SKU");
  }
  for (std::size_t i = 0; i < update.assign.size(); ++i) {
    LicenseToAssign& a = update.assign[i];
    a.sku_id = Trim(a.sku_id);
    const std::string path = "licensesToAssign[" + std::to_string(i) + "]";
    if (a.sku_id.empty()) return InvalidField(path + ".skuId", "is required");
    for (std::string& plan : a.excluded_plans) {
      plan = ToLower(Trim(plan));
      if (!IsGuid(plan))
        return InvalidField(path + ".excludedPlans", "must hold service plan IDs (GUIDs)");
    }
  }
  for (std::string& sku : update.remove) sku = Trim(sku);
  const TimePoint now = deps_.clock.Now();
  const std::string cid = ToLower(customer_id);
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(Customer customer, OpenCustomerDirectoryForWrite(repos, ctx, cid, now));
    ASSIGN_OR_RETURN(CustomerUser user, FindUser(repos, cid, user_id, now));
    if (user.state != "active") {
      return FailedPrecondition("A deleted user cannot hold licenses; restore it first.",
                                pc::kUserNotRestorable);
    }
    ASSIGN_OR_RETURN(auto before, repos.Licenses().ListForUser(cid, user.id));
    for (const std::string& sku : update.remove) {
      RETURN_IF_ERROR(repos.Licenses().Remove(cid, user.id, sku));
    }
    if (!update.assign.empty() && user.usage_location.empty()) {
      return InvalidArgument(
          "The user has no usage location; set usageLocation before assigning licenses.",
          pc::kUsageLocationRequired);
    }
    ASSIGN_OR_RETURN(auto skus, Skus(repos, cid, now));  // after the removals
    ASSIGN_OR_RETURN(auto held, repos.Licenses().ListForUser(cid, user.id));
    for (std::size_t i = 0; i < update.assign.size(); ++i) {
      const LicenseToAssign& a = update.assign[i];
      auto sku = skus.find(a.sku_id);
      if (sku == skus.end() ||
          (sku->second.active_units == 0 && sku->second.suspended_units == 0)) {
        return InvalidField("licensesToAssign[" + std::to_string(i) + "].skuId",
                            "names no SKU the customer has bought (" + a.sku_id + ")");
      }
      bool holds = false;
      for (const auto& h : held) holds = holds || h.sku_id == a.sku_id;
      if (!holds) {
        if (sku->second.consumed_units >= sku->second.active_units) {
          return InvalidArgument("No " + sku->second.name + " licenses are left: all " +
                                     std::to_string(sku->second.active_units) +
                                     " are assigned. Buy more, or remove one from another user.",
                                 pc::kOutOfLicenses);
        }
        ++sku->second.consumed_units;
      }
      RETURN_IF_ERROR(repos.Licenses().Put({cid, user.id, a.sku_id, a.excluded_plans, now}));
    }
    ASSIGN_OR_RETURN(auto after, repos.Licenses().ListForUser(cid, user.id));
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "update_customer_user_licenses",
                        .resource_type = "license",
                        .old_value = LicensesJson(before),
                        .new_value = LicensesJson(after),
                        .customer_id = cid,
                        .customer_name = customer.billing.company_name,
                        .customized_data = {{"UserPrincipalName", user.user_principal_name}}});
  }));
  return update;
}

Result<std::vector<UserLicense>> LicenseService::UserLicenses(const CallContext& ctx,
                                                              const std::string& customer_id,
                                                              const std::string& user_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewCustomerUsers));
  const TimePoint now = deps_.clock.Now();
  const std::string cid = ToLower(customer_id);
  std::vector<UserLicense> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(OpenCustomerDirectory(repos, ctx, cid).status());
    ASSIGN_OR_RETURN(CustomerUser user, FindUser(repos, cid, user_id, now));
    ASSIGN_OR_RETURN(auto held, repos.Licenses().ListForUser(cid, user.id));
    ASSIGN_OR_RETURN(auto skus, Skus(repos, cid, now));
    for (auto& a : held) {
      const std::string name = skus.count(a.sku_id) ? skus[a.sku_id].name : a.sku_id;
      out.push_back({std::move(a), name});
    }
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<CustomerUser>> LicenseService::UsersWithSku(const CallContext& ctx,
                                                               const std::string& customer_id,
                                                               const std::string& sku_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewCustomerUsers));
  const std::string cid = ToLower(customer_id);
  std::vector<CustomerUser> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(OpenCustomerDirectory(repos, ctx, cid).status());
    ASSIGN_OR_RETURN(out, repos.CustomerUsers().HoldersOf(cid, Trim(sku_id)));
    return Status::Ok();
  }));
  return out;
}

}  // namespace csphub::domain
