// Creating, reading, rejecting and withdrawing transfers; accepting is in
// transfer_acceptance.cpp.
#include "domain/commerce/transfer_service.hpp"

#include "common/ids.hpp"
#include "domain/commerce/commerce_rules.hpp"
#include "domain/commerce/reseller_of_record.hpp"
#include "domain/commerce/transfer_rules.hpp"
#include "domain/customer/customer_visibility.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

// Most subscriptions one transfer may move [impl], as for order lines.
constexpr std::size_t kMaxTransferLines = 50;

// Everything that needs no database: IDs normalized, the source is the caller, the target is
// someone else, each subscription listed once.
Result<Transfer> ValidatedShape(const CallContext& ctx, const NewTransfer& req) {
  Transfer t;
  const std::string source = ToLower(Trim(req.source_tenant_id));
  if (!source.empty() && source != ctx.tenant_id) {
    return InvalidField("sourcePartnerTenantId",
                        "must be your own tenant ID: the partner who sells the subscriptions "
                        "creates the transfer");
  }
  t.target_tenant_id = ToLower(Trim(req.target_tenant_id));
  if (t.target_tenant_id.empty()) return InvalidField("targetPartnerTenantId", "is required");
  if (!IsGuid(t.target_tenant_id)) {
    return InvalidField("targetPartnerTenantId", "must be a partner's tenant ID (a GUID)");
  }
  if (t.target_tenant_id == ctx.tenant_id) {
    return InvalidField("targetPartnerTenantId", "must be another partner than the source");
  }
  if (req.line_items.empty()) {
    return InvalidField("lineItems", "must name at least one subscription");
  }
  if (req.line_items.size() > kMaxTransferLines) {
    return InvalidField("lineItems",
                        "may name at most " + std::to_string(kMaxTransferLines) + " subscriptions");
  }
  for (std::size_t i = 0; i < req.line_items.size(); ++i) {
    TransferLineItem line;
    line.id = static_cast<int>(i);
    line.subscription_id = ToLower(Trim(req.line_items[i].subscription_id));
    const std::string path = LineItemPath(i, "subscriptionId");
    if (line.subscription_id.empty()) return InvalidField(path, "is required");
    if (!IsGuid(line.subscription_id)) return InvalidField(path, "must be a subscription ID");
    for (const TransferLineItem& earlier : t.line_items) {
      if (earlier.subscription_id == line.subscription_id) {
        return InvalidField(
            path, "names the same subscription as lineItems[" + std::to_string(earlier.id) + "]");
      }
    }
    line.partner_id_on_record = Trim(req.line_items[i].partner_id_on_record);
    t.line_items.push_back(std::move(line));
  }
  return t;
}

// The target: an enabled selling partner that has a relationship with the customer.
Result<Partner> Target(Repositories& repos, const std::string& tenant_id,
                       const std::string& customer_id) {
  auto target = repos.Partners().Get(tenant_id);
  if (!target.ok()) {
    if (target.status().code() != StatusCode::kNotFound) return target.status();
    return InvalidField("targetPartnerTenantId", "names no partner");
  }
  if (target->disabled) return InvalidField("targetPartnerTenantId", "names a disabled partner");
  if (!SellsSubscriptions(*target)) {
    return InvalidArgument(
        "targetPartnerTenantId: an indirect reseller cannot take over subscriptions; only "
        "direct-bill partners and indirect providers sell them.",
        pc::kPartnershipPrograms);
  }
  auto rel = repos.Customers().GetRelationship(tenant_id, customer_id);
  if (!rel.ok()) {
    if (rel.status().code() != StatusCode::kNotFound) return rel.status();
    return PermissionDenied(
        "targetPartnerTenantId: " + target->name +
            " has no relationship with this customer; the customer must accept its invitation "
            "before subscriptions can move to it.",
        pc::kNoCommerceRelationship);
  }
  return std::move(target).value();
}

// The listed subscription, if the caller sells it and it is active.
Result<Subscription> Transferable(const std::vector<Subscription>& all, const CallContext& ctx,
                                  const std::string& id, const std::string& path, TimePoint now) {
  const Subscription* s = FindSubscription(all, id);
  if (s == nullptr ||
      (s->partner_tenant_id != ctx.tenant_id && s->reseller_tenant_id != ctx.tenant_id)) {
    return NotFound(path + ": the customer has no subscription " + id + ".",
                    pc::kSubscriptionNotFound);
  }
  if (s->partner_tenant_id != ctx.tenant_id) {
    return PermissionDenied(path + ": only the partner who sells subscription " + id +
                                " can transfer it; you are its reseller of record.",
                            pc::kNotBillingPartner);
  }
  const SubscriptionStatus status = s->StatusAt(now);
  if (status != SubscriptionStatus::kActive) {
    return FailedPrecondition(path + ": subscription " + id + " is " +
                                  std::string(SubscriptionStatusName(status)) +
                                  "; only active subscriptions can be transferred.",
                              pc::kSubscriptionNotTransferable);
  }
  return *s;
}

// 409 (700209) when an Active transfer holds the subscription. One that has expired without
// anyone noticing is recorded as Expired first, which releases its subscriptions.
Status RequireNotHeld(Repositories& repos, const std::string& id, const std::string& path,
                      TimePoint now) {
  auto held = repos.Transfers().GetHolding(id);
  if (!held.ok()) {
    return held.status().code() == StatusCode::kNotFound ? Status::Ok() : held.status();
  }
  if (held->StatusAt(now) == TransferStatus::kActive) {
    return FailedPrecondition(
        path + ": subscription " + id + " is already in the Active transfer " + held->id + ".",
        pc::kSubscriptionInTransfer);
  }
  Transfer expired = *held;
  expired.status = TransferStatus::kExpired;
  expired.last_modified_at = now;
  expired.etag = held->etag + 1;
  return repos.Transfers().Update(expired, held->etag);
}

}  // namespace

Result<Transfer> TransferService::Create(const CallContext& ctx, const std::string& customer_id,
                                         NewTransfer req) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kTransferSubscriptions));
  ASSIGN_OR_RETURN(Transfer t, ValidatedShape(ctx, req));
  const TimePoint now = deps_.clock.Now();
  t.id = deps_.ids.NewGuid();
  t.customer_id = ToLower(customer_id);
  t.source_tenant_id = ctx.tenant_id;
  t.created_at = now;
  t.last_modified_at = now;
  t.expires_at = now + kTransferLifetime;

  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(RequireCustomerRelationship(repos, ctx.tenant_id, t.customer_id).status());
    ASSIGN_OR_RETURN(Partner source, repos.Partners().Get(ctx.tenant_id));
    RETURN_IF_ERROR(RequireSellingPartner(source, "transfer subscriptions"));
    t.source_name = source.name;
    ASSIGN_OR_RETURN(Partner target, Target(repos, t.target_tenant_id, t.customer_id));
    t.target_name = target.name;
    ASSIGN_OR_RETURN(auto all, repos.Subscriptions().List({.customer_id = t.customer_id}));
    for (TransferLineItem& line : t.line_items) {
      const std::string path = LineItemPath(line.id, "subscriptionId");
      ASSIGN_OR_RETURN(Subscription s, Transferable(all, ctx, line.subscription_id, path, now));
      RETURN_IF_ERROR(RequireNotHeld(repos, s.id, path, now));
      line.offer_id = s.offer_id;
      line.quantity = s.quantity;
      if (!line.partner_id_on_record.empty()) {
        ASSIGN_OR_RETURN(Partner reseller,
                         ResolveResellerOfRecord(repos, target, line.partner_id_on_record,
                                                 LineItemPath(line.id, "partnerIdOnRecord")));
        line.reseller_tenant_id = reseller.tenant_id;
      }
    }
    RETURN_IF_ERROR(AddOnsTravelTogether(t, all, now, /*accepting=*/false));
    Status inserted = repos.Transfers().Insert(t);
    if (inserted.code() == StatusCode::kAlreadyExists) {  // lost a race for a subscription
      return FailedPrecondition("One of the subscriptions is already in an Active transfer.",
                                pc::kSubscriptionInTransfer);
    }
    RETURN_IF_ERROR(inserted);
    return AuditTransfer(deps_, repos, ctx, t, "create_transfer", "");
  }));
  return t;
}

Result<std::vector<Transfer>> TransferService::List(const CallContext& ctx,
                                                    const std::string& customer_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewSubscriptions));
  const std::string cid = ToLower(customer_id);
  std::vector<Transfer> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(RequireCustomerRelationship(repos, ctx.tenant_id, cid).status());
    ASSIGN_OR_RETURN(out, repos.Transfers().ListFor(cid, ctx.tenant_id));
    for (Transfer& t : out) RETURN_IF_ERROR(LoadTransferOrders(repos, t));
    return Status::Ok();
  }));
  const TimePoint now = deps_.clock.Now();
  for (Transfer& t : out) t = PresentedTransfer(std::move(t), now);
  return out;
}

Result<Transfer> TransferService::Get(const CallContext& ctx, const std::string& customer_id,
                                      const std::string& id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewSubscriptions));
  const std::string cid = ToLower(customer_id);
  std::optional<Transfer> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(out, VisibleTransfer(repos, ctx, cid, id));
    return LoadTransferOrders(repos, *out);
  }));
  return PresentedTransfer(std::move(*out), deps_.clock.Now());
}

Result<Transfer> TransferService::Reject(const CallContext& ctx, const std::string& customer_id,
                                         const std::string& id, const std::string& status) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kTransferSubscriptions));
  if (!EqualsIgnoreCase(Trim(status), "reject")) {
    return InvalidField("status", "must be \"reject\" (the target declines the transfer)");
  }
  return Close(ctx, customer_id, id, TransferStatus::kRejected, "reject_transfer");
}

Status TransferService::Withdraw(const CallContext& ctx, const std::string& customer_id,
                                 const std::string& id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kTransferSubscriptions));
  return Close(ctx, customer_id, id, TransferStatus::kWithdrawn, "withdraw_transfer").status();
}

Result<Transfer> TransferService::Close(const CallContext& ctx, const std::string& customer_id,
                                        const std::string& id, TransferStatus next,
                                        const char* operation) {
  const bool rejecting = next == TransferStatus::kRejected;
  const TimePoint now = deps_.clock.Now();
  const std::string cid = ToLower(customer_id);
  std::optional<Transfer> out;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(const Transfer current, VisibleTransfer(repos, ctx, cid, id));
    RETURN_IF_ERROR(RequireTransferSide(current, ctx,
                                        rejecting ? TransferSide::kTarget : TransferSide::kSource,
                                        rejecting ? "reject" : "withdraw"));
    RETURN_IF_ERROR(RequireActiveTransfer(current, now));
    Transfer after = current;
    after.status = next;
    after.last_modified_at = now;
    after.etag = current.etag + 1;
    RETURN_IF_ERROR(repos.Transfers().Update(after, current.etag));
    out = after;
    return AuditTransfer(deps_, repos, ctx, after, operation, "Active");
  }));
  return std::move(*out);
}

}  // namespace csphub::domain
