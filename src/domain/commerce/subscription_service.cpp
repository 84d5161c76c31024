#include "domain/commerce/subscription_service.hpp"

#include "common/ids.hpp"
#include "common/list_text.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/catalog/catalog_service.hpp"
#include "domain/commerce/commerce_rules.hpp"
#include "domain/commerce/reseller_of_record.hpp"
#include "domain/customer/customer_visibility.hpp"
#include "domain/directory/license_service.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

Status NoSuchSubscription() {
  return NotFound("The customer has no subscription with this ID.", pc::kSubscriptionNotFound);
}

// The subscription if the caller may see it: it sells it or is its reseller of record, and
// still has a relationship with the customer.
Result<Subscription> Visible(Repositories& repos, const CallContext& ctx,
                             const std::string& customer_id, const std::string& id) {
  RETURN_IF_ERROR(RequireCustomerRelationship(repos, ctx.tenant_id, customer_id).status());
  ASSIGN_OR_RETURN(Subscription s, repos.Subscriptions().Get(customer_id, ToLower(id)));
  if (s.partner_tenant_id != ctx.tenant_id && s.reseller_tenant_id != ctx.tenant_id) {
    return NoSuchSubscription();
  }
  return s;
}

// Visible, and the caller is the partner who sells it.
Result<Subscription> Changeable(Repositories& repos, const CallContext& ctx,
                                const std::string& customer_id, const std::string& id) {
  ASSIGN_OR_RETURN(Subscription s, Visible(repos, ctx, customer_id, id));
  if (s.partner_tenant_id != ctx.tenant_id) {
    return PermissionDenied(
        "Only the partner who sells this subscription can change it; its reseller of record "
        "can read it.",
        pc::kNotBillingPartner);
  }
  return s;
}

Status CheckQuantity(Repositories& repos, const Subscription& s, std::int64_t quantity) {
  std::int64_t min = 1;
  std::int64_t max = INT64_MAX;
  ASSIGN_OR_RETURN(Customer customer, repos.Customers().Get(s.customer_id));
  auto offer = FindOrderable(repos.Catalog(), s.offer_id, customer.billing.default_address.country);
  if (offer.ok()) {
    min = offer->minimum_quantity;
    max = offer->maximum_quantity;
  } else if (offer.status().code() != StatusCode::kNotFound) {
    return offer.status();
  }  // an offer no longer sold keeps only the lower bound
  if (quantity >= min && quantity <= max) return Status::Ok();
  std::string bounds = "at least " + std::to_string(min);
  if (max != INT64_MAX) bounds = "between " + std::to_string(min) + " and " + std::to_string(max);
  return Status(StatusCode::kInvalidArgument, pc::kQuantityOutOfRange,
                "The field 'quantity' must be " + bounds + " for offer " + s.offer_id);
}

}  // namespace

Subscription Presented(Subscription s, TimePoint now) {
  s.status = s.StatusAt(now);
  return s;
}

Result<std::vector<Subscription>> SubscriptionService::List(const CallContext& ctx,
                                                            const std::string& customer_id,
                                                            const std::string& order_id,
                                                            const std::string& mpn_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewSubscriptions));
  SubscriptionQuery q{.customer_id = ToLower(customer_id),
                      .visible_to = ctx.tenant_id,
                      .order_id = ToLower(Trim(order_id))};
  const std::string mpn = Trim(mpn_id);
  if (!mpn.empty() && mpn.find_first_not_of("0123456789") != std::string::npos) {
    return InvalidField("mpn_id", "must be a numeric MPN ID");
  }
  std::vector<Subscription> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(RequireCustomerRelationship(repos, ctx.tenant_id, q.customer_id).status());
    if (!mpn.empty()) {
      auto reseller = repos.Partners().GetByMpnId(mpn);
      if (!reseller.ok()) {
        if (reseller.status().code() != StatusCode::kNotFound) return reseller.status();
        return NotFound("No partner has the MPN ID " + mpn + ".", pc::kMpnNotFound);
      }
      q.reseller_tenant_id = reseller->tenant_id;
    }
    ASSIGN_OR_RETURN(out, repos.Subscriptions().List(q));
    return Status::Ok();
  }));
  const TimePoint now = deps_.clock.Now();
  for (Subscription& s : out) s = Presented(std::move(s), now);
  return out;
}

Result<Subscription> SubscriptionService::Get(const CallContext& ctx,
                                              const std::string& customer_id, const std::string& id,
                                              std::optional<TimePoint> as_of) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewSubscriptions));
  const std::string cid = ToLower(customer_id);
  std::optional<Subscription> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(Subscription now, Visible(repos, ctx, cid, id));
    if (!as_of) {
      out = std::move(now);
      return Status::Ok();
    }
    ASSIGN_OR_RETURN(out, repos.Subscriptions().GetAsOf(cid, now.id, *as_of));
    return Status::Ok();
  }));
  return Presented(std::move(*out), as_of.value_or(deps_.clock.Now()));
}

Result<std::vector<Subscription>> SubscriptionService::AddOns(const CallContext& ctx,
                                                              const std::string& customer_id,
                                                              const std::string& id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewSubscriptions));
  const std::string cid = ToLower(customer_id);
  std::vector<Subscription> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(Subscription base, Visible(repos, ctx, cid, id));
    ASSIGN_OR_RETURN(auto all,
                     repos.Subscriptions().List({.customer_id = cid, .visible_to = ctx.tenant_id}));
    for (Subscription& s : all) {
      if (s.parent_subscription_id == base.id) out.push_back(std::move(s));
    }
    return Status::Ok();
  }));
  const TimePoint now = deps_.clock.Now();
  for (Subscription& s : out) s = Presented(std::move(s), now);
  return out;
}

Result<std::vector<SubscriptionEvent>> SubscriptionService::Timeline(const CallContext& ctx,
                                                                     const std::string& customer_id,
                                                                     const std::string& id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewSubscriptions));
  const std::string cid = ToLower(customer_id);
  std::vector<SubscriptionEvent> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(Subscription s, Visible(repos, ctx, cid, id));
    ASSIGN_OR_RETURN(out, repos.Subscriptions().Timeline(cid, s.id));
    return Status::Ok();
  }));
  return out;
}

Result<Subscription> SubscriptionService::Update(const CallContext& ctx,
                                                 const std::string& customer_id,
                                                 const std::string& id, SubscriptionChange change) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kUpdateSubscription));
  if (change.partner_id) RETURN_IF_ERROR(Authorize(ctx, Operation::kSetResellerOfRecord));
  std::optional<SubscriptionStatus> target;
  if (change.status) {
    target = ParseSubscriptionStatus(Trim(*change.status));
    if (!target || *target == SubscriptionStatus::kDeleted) {
      return InvalidField("status", "must be active or suspended");
    }
  }
  const TimePoint now = deps_.clock.Now();
  const std::string cid = ToLower(customer_id);
  std::optional<Subscription> out;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(const Subscription current, Changeable(repos, ctx, cid, id));
    if (change.etag != current.etag) {
      return Aborted("The subscription changed since it was read; read it again and retry.");
    }
    if (current.StatusAt(now) == SubscriptionStatus::kDeleted) {
      return InvalidArgument(
          "The subscription was deleted (its suspension ended more than 90 days ago) and can no "
          "longer be changed.",
          pc::kSubscriptionDeleted);
    }
    Subscription next = current;
    std::vector<std::string> changed;
    const bool suspending =
        target == SubscriptionStatus::kSuspended && current.status == SubscriptionStatus::kActive;
    const bool reactivating =
        target == SubscriptionStatus::kActive && current.status == SubscriptionStatus::kSuspended;
    if (change.quantity && *change.quantity != current.quantity) {
      if (suspending) {
        return Status(StatusCode::kInvalidArgument, pc::kQuantityWhileSuspending,
                      "The quantity cannot change in the same request that suspends the "
                      "subscription.");
      }
      if (current.status == SubscriptionStatus::kSuspended && !reactivating) {
        return InvalidArgument(
            "The quantity of a suspended subscription cannot change; reactivate it first.",
            pc::kSubscriptionSuspended);
      }
      RETURN_IF_ERROR(CheckQuantity(repos, current, *change.quantity));
      RETURN_IF_ERROR(CheckAssignedUnitsStayCovered(repos, current, *change.quantity, now));
      next.quantity = *change.quantity;
      changed.push_back("quantity");
    }
    if (change.friendly_name) {
      const std::string name = Trim(*change.friendly_name);
      RETURN_IF_ERROR(ValidateFriendlyName(name, "friendlyName", false));
      if (name != current.friendly_name) {
        next.friendly_name = name;
        changed.push_back("friendly_name");
      }
    }
    if (change.auto_renew && *change.auto_renew != current.auto_renew) {
      next.auto_renew = *change.auto_renew;
      changed.push_back("auto_renew");
    }
    if (change.partner_id && Trim(*change.partner_id) != current.reseller_mpn_id) {
      ASSIGN_OR_RETURN(Partner caller, repos.Partners().Get(ctx.tenant_id));
      if (!caller.programs.Has(Program::kIndirectProvider)) {
        return InvalidArgument(
            "Only an indirect provider names a reseller of record on a subscription.",
            pc::kPartnerOnRecordLocked);
      }
      next.reseller_tenant_id.clear();
      next.reseller_mpn_id.clear();
      const std::string mpn = Trim(*change.partner_id);
      if (!mpn.empty()) {
        ASSIGN_OR_RETURN(Partner reseller,
                         ResolveResellerOfRecord(repos, caller, mpn, "partnerId"));
        next.reseller_tenant_id = reseller.tenant_id;
        next.reseller_mpn_id = reseller.mpn_id;
      }
      changed.push_back("reseller");
    }
    if (suspending) {
      next.status = SubscriptionStatus::kSuspended;
      next.suspended_at = now;
      next.suspension_expires_at = now + kSuspensionRetention;
      changed.push_back("suspended");
    } else if (reactivating) {
      if (!current.parent_subscription_id.empty()) {
        ASSIGN_OR_RETURN(Subscription base,
                         repos.Subscriptions().Get(cid, current.parent_subscription_id));
        if (base.StatusAt(now) != SubscriptionStatus::kActive) {
          return FailedPrecondition(
              "An add-on cannot be reactivated while its base subscription is not active.",
              pc::kParentNotActive);
        }
      }
      next.status = SubscriptionStatus::kActive;
      next.suspended_at.reset();
      next.suspension_expires_at.reset();
      changed.push_back("reactivated");
    }
    if (changed.empty()) {
      out = current;
      return Status::Ok();
    }
    next.etag = current.etag + 1;
    next.updated_at = now;
    const std::string actor = AuditActor(ctx);
    RETURN_IF_ERROR(repos.Subscriptions().Update(next, current.etag, Join(changed), actor));
    if (suspending) {  // reference §2.12: suspending a base suspends its add-ons
      ASSIGN_OR_RETURN(auto all, repos.Subscriptions().List({.customer_id = cid}));
      for (Subscription addon : all) {
        if (addon.parent_subscription_id != current.id ||
            addon.status != SubscriptionStatus::kActive) {
          continue;
        }
        const std::int64_t etag = addon.etag;
        addon.status = SubscriptionStatus::kSuspended;
        addon.suspended_at = now;
        addon.suspension_expires_at = now + kSuspensionRetention;
        addon.etag = etag + 1;
        addon.updated_at = now;
        RETURN_IF_ERROR(repos.Subscriptions().Update(addon, etag, "suspended", actor));
      }
    }
    ASSIGN_OR_RETURN(Customer customer, repos.Customers().Get(cid));
    out = next;
    return AppendAudit(
        deps_, repos, ctx,
        {.operation_type = "update_subscription",
         .resource_type = "subscription",
         .old_value = SubscriptionAuditJson(current),
         .new_value = SubscriptionAuditJson(next),
         .customer_id = cid,
         .customer_name = customer.billing.company_name,
         .customized_data = {{"SubscriptionId", next.id}, {"Changes", Join(changed)}}});
  }));
  return Presented(std::move(*out), now);
}

Result<Subscription> SubscriptionService::SetSupportContact(const CallContext& ctx,
                                                            const std::string& customer_id,
                                                            const std::string& id,
                                                            SupportContactRequest req) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kSetSupportContact));
  const std::string tenant = ToLower(Trim(req.tenant_id));
  const std::string mpn = Trim(req.mpn_id);
  if (tenant.empty() && mpn.empty()) {
    return InvalidField("supportMpnId", "or supportTenantId is required");
  }
  if (!tenant.empty() && !IsGuid(tenant)) return InvalidField("supportTenantId", "must be a GUID");
  const TimePoint now = deps_.clock.Now();
  const std::string cid = ToLower(customer_id);
  std::optional<Subscription> out;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(const Subscription current, Changeable(repos, ctx, cid, id));
    ASSIGN_OR_RETURN(Partner caller, repos.Partners().Get(ctx.tenant_id));
    Partner contact = caller;
    if (mpn.empty() ? tenant != caller.tenant_id : mpn != caller.mpn_id) {
      std::string contact_mpn = mpn;
      if (contact_mpn.empty()) {
        auto named = repos.Partners().Get(tenant);
        if (!named.ok()) {
          if (named.status().code() != StatusCode::kNotFound) return named.status();
          return InvalidArgument("supportTenantId: no partner has this tenant ID.",
                                 pc::kNotIndirectReseller);
        }
        contact_mpn = named->mpn_id;
      }
      ASSIGN_OR_RETURN(contact,
                       ResolveResellerOfRecord(repos, caller, contact_mpn,
                                               mpn.empty() ? "supportTenantId" : "supportMpnId"));
    }
    if (!tenant.empty() && tenant != contact.tenant_id) {
      return InvalidField("supportTenantId", "and supportMpnId name different partners");
    }
    const SupportContact named{contact.tenant_id, contact.mpn_id, contact.name};
    out = current;
    if (named.tenant_id == current.support.tenant_id && named.mpn_id == current.support.mpn_id &&
        named.name == current.support.name) {
      return Status::Ok();
    }
    Subscription next = current;
    next.support = named;
    out = next;
    next.etag = current.etag + 1;
    next.updated_at = now;
    RETURN_IF_ERROR(
        repos.Subscriptions().Update(next, current.etag, "support_contact", AuditActor(ctx)));
    ASSIGN_OR_RETURN(Customer customer, repos.Customers().Get(cid));
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "update_subscription_support_contact",
                        .resource_type = "subscription",
                        .old_value = SubscriptionAuditJson(current),
                        .new_value = SubscriptionAuditJson(next),
                        .customer_id = cid,
                        .customer_name = customer.billing.company_name,
                        .customized_data = {{"SubscriptionId", next.id}}});
  }));
  return Presented(std::move(*out), now);
}

}  // namespace csphub::domain
