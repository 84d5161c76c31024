#include "domain/commerce/transfer_rules.hpp"

#include <set>

#include "common/ids.hpp"
#include "common/json_text.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/commerce/commerce_rules.hpp"
#include "domain/customer/customer_visibility.hpp"

namespace csphub::domain {

Result<Transfer> VisibleTransfer(Repositories& repos, const CallContext& ctx,
                                 const std::string& customer_id, const std::string& id) {
  RETURN_IF_ERROR(RequireCustomerRelationship(repos, ctx.tenant_id, customer_id).status());
  ASSIGN_OR_RETURN(Transfer t, repos.Transfers().Get(customer_id, ToLower(Trim(id))));
  if (t.source_tenant_id != ctx.tenant_id && t.target_tenant_id != ctx.tenant_id) {
    return NotFound("The customer has no transfer with this ID.");
  }
  return t;
}

Status RequireTransferSide(const Transfer& t, const CallContext& ctx, TransferSide side,
                           const std::string& what) {
  const bool source = side == TransferSide::kSource;
  if ((source ? t.source_tenant_id : t.target_tenant_id) == ctx.tenant_id) return Status::Ok();
  return PermissionDenied("Only the " + std::string(source ? "source" : "target") +
                              " partner of a transfer can " + what + " it.",
                          pc::kWrongTransferSide);
}

Status RequireActiveTransfer(const Transfer& t, TimePoint now) {
  const TransferStatus status = t.StatusAt(now);
  if (status == TransferStatus::kActive) return Status::Ok();
  return FailedPrecondition("The transfer is " + std::string(TransferStatusName(status)) +
                                "; only an Active transfer "
                                "can be accepted, rejected or withdrawn.",
                            pc::kTransferNotActive);
}

const Subscription* FindSubscription(const std::vector<Subscription>& all, const std::string& id) {
  for (const Subscription& s : all) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

Status AddOnsTravelTogether(const Transfer& t, const std::vector<Subscription>& all, TimePoint now,
                            bool accepting) {
  const auto refuse = [&](const TransferLineItem& l, const std::string& problem) {
    const std::string path = LineItemPath(l.id, "subscriptionId");
    if (!accepting) return InvalidField(path, problem);
    return FailedPrecondition("The field '" + path + "' " + problem + "; nothing was transferred.",
                              pc::kSubscriptionNotTransferable);
  };
  std::set<std::string> listed;
  for (const TransferLineItem& l : t.line_items) listed.insert(l.subscription_id);
  for (const TransferLineItem& l : t.line_items) {
    const Subscription* s = FindSubscription(all, l.subscription_id);
    if (s == nullptr)
      return Internal("transfer line without its subscription: " + l.subscription_id);
    if (!s->parent_subscription_id.empty() && listed.count(s->parent_subscription_id) == 0) {
      return refuse(l, "is an add-on of subscription " + s->parent_subscription_id +
                           ", which must be transferred with it");
    }
    for (const Subscription& addon : all) {
      if (addon.parent_subscription_id == s->id && listed.count(addon.id) == 0 &&
          addon.StatusAt(now) != SubscriptionStatus::kDeleted) {
        return refuse(
            l, "has the add-on subscription " + addon.id + ", which must be transferred with it");
      }
    }
  }
  return Status::Ok();
}

Status LoadTransferOrders(Repositories& repos, Transfer& t) {
  t.orders.clear();
  if (t.order_id.empty()) return Status::Ok();
  ASSIGN_OR_RETURN(Order o, repos.Orders().Get(t.customer_id, t.order_id));
  t.orders.push_back(std::move(o));
  return Status::Ok();
}

std::string TransferAuditJson(const Transfer& t) {
  std::string lines = "[";
  for (const TransferLineItem& l : t.line_items) {
    if (lines.size() > 1) lines += ",";
    lines += JsonObjectText()
                 .AddRaw("id", std::to_string(l.id))
                 .Add("subscriptionId", l.subscription_id)
                 .Add("offerId", l.offer_id)
                 .AddRaw("quantity", std::to_string(l.quantity))
                 .Add("partnerIdOnRecord", l.partner_id_on_record)
                 .str();
  }
  return JsonObjectText()
      .Add("id", t.id)
      .Add("status", std::string(TransferStatusName(t.status)))
      .Add("sourcePartnerTenantId", t.source_tenant_id)
      .Add("targetPartnerTenantId", t.target_tenant_id)
      .Add("orderId", t.order_id)
      .AddRaw("lineItems", lines + "]")
      .str();
}

Status AuditTransfer(ServiceDeps& deps, Repositories& repos, const CallContext& ctx,
                     const Transfer& t, const std::string& operation,
                     const std::string& old_status) {
  ASSIGN_OR_RETURN(Customer customer, repos.Customers().Get(t.customer_id));
  const std::string json = TransferAuditJson(t);
  for (const std::string* log : {&t.source_tenant_id, &t.target_tenant_id}) {
    AuditEntry e{.partner_id = *log,
                 .operation_type = operation,
                 .resource_type = "transfer",
                 .new_value = json,
                 .customer_id = t.customer_id,
                 .customer_name = customer.billing.company_name,
                 .customized_data = {{"TransferId", t.id},
                                     {"SourcePartnerTenantId", t.source_tenant_id},
                                     {"TargetPartnerTenantId", t.target_tenant_id}}};
    if (!old_status.empty()) {
      e.old_value = JsonObjectText().Add("id", t.id).Add("status", old_status).str();
    }
    RETURN_IF_ERROR(AppendAudit(deps, repos, ctx, std::move(e)));
  }
  return Status::Ok();
}

}  // namespace csphub::domain
