#include "domain/customer/self_serve_policy_service.hpp"

#include "common/ids.hpp"
#include "common/json_text.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/customer/customer_visibility.hpp"
#include "domain/customer/self_serve_policy_repository.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

std::string PermissionsJson(const std::vector<SelfServePermission>& permissions) {
  std::string out = "[";
  for (const auto& p : permissions) {
    if (out.size() > 1) out += ",";
    out += JsonObjectText().Add("resource", p.resource).Add("action", p.action).str();
  }
  return out + "]";
}

std::string PolicyJson(const SelfServePolicy& p) {
  return JsonObjectText()
      .Add("id", p.Id())
      .Add("customerTenantId", p.customer_id)
      .Add("grantorTenantId", p.grantor_tenant_id)
      .AddRaw("permissions", PermissionsJson(p.permissions))
      .str();
}

// The known permissions in their documented spelling, without repeats; 400 for anything else.
Result<std::vector<SelfServePermission>> ValidPermissions(
    const std::vector<SelfServePermission>& requested) {
  if (requested.empty()) {
    return InvalidField("permissions",
                        "must grant at least one permission (to withdraw them "
                        "all, delete the policy)");
  }
  std::vector<SelfServePermission> out;
  for (std::size_t i = 0; i < requested.size(); ++i) {
    auto known = NormalizeSelfServePermission(requested[i]);
    if (!known) {
      return InvalidField("permissions[" + std::to_string(i) + "]",
                          "must be resource AzureReservedInstances with action Purchase");
    }
    bool repeated = false;
    for (const auto& p : out) repeated = repeated || p == *known;
    if (!repeated) out.push_back(*known);
  }
  return out;
}

// The entity and grantor of a request: a customer, and the caller as bill-to partner.
Status CheckParties(const CallContext& ctx, const SelfServePolicyRequest& req) {
  if (!EqualsIgnoreCase(req.entity_type, "customer")) {
    return InvalidField("selfServeEntity.selfServeEntityType", "must be \"customer\"");
  }
  if (!req.grantor_type.empty() && !EqualsIgnoreCase(req.grantor_type, "billToPartner")) {
    return InvalidField("grantor.grantorType", "must be \"billToPartner\"");
  }
  if (!req.grantor_tenant_id.empty() && ToLower(req.grantor_tenant_id) != ctx.tenant_id) {
    return InvalidField("grantor.tenantID", "must be your own tenant ID (you grant the policy)");
  }
  return Status::Ok();
}

Status NotYours(const std::string& id) {
  return NotFound("No self-serve policy with the ID " + id + ".");
}

// The policy ID's customer, once it is known to be the caller's policy ID and the caller may
// see the customer.
Result<std::string> OwnCustomerOf(Repositories& repos, const CallContext& ctx,
                                  const std::string& policy_id) {
  auto ids = ParseSelfServePolicyId(policy_id);
  if (!ids || ids->first != ctx.tenant_id) return NotYours(policy_id);
  RETURN_IF_ERROR(RequireCustomerRelationship(repos, ctx.tenant_id, ids->second).status());
  return ids->second;
}

Status RequireBillToPartner(Repositories& repos, const CallContext& ctx) {
  ASSIGN_OR_RETURN(Partner caller, repos.Partners().Get(ctx.tenant_id));
  if (caller.programs.Has(Program::kIndirectProvider) ||
      caller.programs.Has(Program::kDirectBill)) {
    return Status::Ok();
  }
  return PermissionDenied(
      "Only the partner that bills the customer (a direct-bill partner or an indirect provider) "
      "can give it permission to buy products itself; an indirect reseller asks its provider.",
      pc::kPartnershipPrograms);
}

AuditEntry PolicyAudit(const std::string& operation, const Customer& customer) {
  return {.operation_type = operation,
          .resource_type = "self_serve_policy",
          .customer_id = customer.id,
          .customer_name = customer.billing.company_name};
}

}  // namespace

Result<SelfServePolicy> SelfServePolicyService::Create(const CallContext& ctx,
                                                       const SelfServePolicyRequest& req) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManageSelfServePolicy));
  RETURN_IF_ERROR(CheckParties(ctx, req));
  SelfServePolicy p;
  p.customer_id = ToLower(req.customer_id);
  if (p.customer_id.empty()) return InvalidField("selfServeEntity.tenantID", "is required");
  if (!IsGuid(p.customer_id)) {
    return InvalidField("selfServeEntity.tenantID", "must be the customer's tenant ID (a GUID)");
  }
  ASSIGN_OR_RETURN(p.permissions, ValidPermissions(req.permissions));
  p.grantor_tenant_id = ctx.tenant_id;
  p.etag = 1;
  p.created_at = p.updated_at = deps_.clock.Now();

  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(RequireCustomerRelationship(repos, ctx.tenant_id, p.customer_id).status());
    RETURN_IF_ERROR(RequireBillToPartner(repos, ctx));
    Status inserted = repos.SelfServePolicies().Insert(p);
    if (inserted.code() == StatusCode::kAlreadyExists) {
      return AlreadyExists("You already have a self-serve policy for this customer (" + p.Id() +
                               "); update it instead.",
                           pc::kSelfServePolicyExists);
    }
    RETURN_IF_ERROR(inserted);
    ASSIGN_OR_RETURN(Customer customer, repos.Customers().Get(p.customer_id));
    AuditEntry audit = PolicyAudit("create_self_serve_policy", customer);
    audit.new_value = PolicyJson(p);
    return AppendAudit(deps_, repos, ctx, std::move(audit));
  }));
  return p;
}

Result<std::vector<SelfServePolicy>> SelfServePolicyService::ListForCustomer(
    const CallContext& ctx, const std::string& customer_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewSelfServePolicy));
  const std::string id = ToLower(customer_id);
  if (id.empty()) return InvalidField("entity_id", "is required: the customer's tenant ID");
  if (!IsGuid(id)) return InvalidField("entity_id", "must be the customer's tenant ID (a GUID)");
  std::vector<SelfServePolicy> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(RequireCustomerRelationship(repos, ctx.tenant_id, id).status());
    auto p = repos.SelfServePolicies().Get(ctx.tenant_id, id);
    if (p.ok()) {
      out.push_back(std::move(p).value());
    } else if (p.status().code() != StatusCode::kNotFound) {
      return p.status();
    }
    return Status::Ok();
  }));
  return out;
}

Result<SelfServePolicy> SelfServePolicyService::Get(const CallContext& ctx,
                                                    const std::string& policy_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewSelfServePolicy));
  std::optional<SelfServePolicy> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(std::string customer_id, OwnCustomerOf(repos, ctx, policy_id));
    auto p = repos.SelfServePolicies().Get(ctx.tenant_id, customer_id);
    if (!p.ok())
      return p.status().code() == StatusCode::kNotFound ? NotYours(policy_id) : p.status();
    out = std::move(p).value();
    return Status::Ok();
  }));
  return std::move(*out);
}

Result<SelfServePolicy> SelfServePolicyService::Update(const CallContext& ctx,
                                                       const std::string& policy_id,
                                                       const SelfServePolicyRequest& req,
                                                       std::int64_t if_match) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManageSelfServePolicy));
  // A full resource sent back may leave the parties out; when present they must be this ID's.
  SelfServePolicyRequest parties = req;
  if (parties.entity_type.empty()) parties.entity_type = "customer";
  RETURN_IF_ERROR(CheckParties(ctx, parties));
  ASSIGN_OR_RETURN(auto permissions, ValidPermissions(req.permissions));
  std::optional<SelfServePolicy> out;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(std::string customer_id, OwnCustomerOf(repos, ctx, policy_id));
    if (!req.customer_id.empty() && ToLower(req.customer_id) != customer_id) {
      return InvalidField("selfServeEntity.tenantID", "must be the customer of the policy ID");
    }
    auto current = repos.SelfServePolicies().Get(ctx.tenant_id, customer_id);
    if (!current.ok()) {
      return current.status().code() == StatusCode::kNotFound ? NotYours(policy_id)
                                                              : current.status();
    }
    SelfServePolicy p = std::move(current).value();
    if (p.etag != if_match) {
      return Aborted(
          "The self-serve policy changed since you read it (stale etag); read it "
          "again.");
    }
    const std::string old_value = PolicyJson(p);
    p.permissions = permissions;
    p.etag += 1;
    p.updated_at = deps_.clock.Now();
    RETURN_IF_ERROR(repos.SelfServePolicies().Update(p));
    ASSIGN_OR_RETURN(Customer customer, repos.Customers().Get(customer_id));
    AuditEntry audit = PolicyAudit("update_self_serve_policy", customer);
    audit.old_value = old_value;
    audit.new_value = PolicyJson(p);
    RETURN_IF_ERROR(AppendAudit(deps_, repos, ctx, std::move(audit)));
    out = std::move(p);
    return Status::Ok();
  }));
  return std::move(*out);
}

Status SelfServePolicyService::Delete(const CallContext& ctx, const std::string& policy_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManageSelfServePolicy));
  return deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(std::string customer_id, OwnCustomerOf(repos, ctx, policy_id));
    auto current = repos.SelfServePolicies().Get(ctx.tenant_id, customer_id);
    if (!current.ok()) {
      return current.status().code() == StatusCode::kNotFound ? NotYours(policy_id)
                                                              : current.status();
    }
    RETURN_IF_ERROR(repos.SelfServePolicies().Delete(ctx.tenant_id, customer_id));
    ASSIGN_OR_RETURN(Customer customer, repos.Customers().Get(customer_id));
    AuditEntry audit = PolicyAudit("delete_self_serve_policy", customer);
    audit.old_value = PolicyJson(*current);
    return AppendAudit(deps_, repos, ctx, std::move(audit));
  });
}

}  // namespace csphub::domain
