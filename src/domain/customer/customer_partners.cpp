// The customer's view of its partners: who resells to it, who holds delegated admin, and the
// customer revoking a partner's delegated admin (reference §3.3 "Removal").
#include <algorithm>
#include <map>

#include "common/fold_case.hpp"
#include "common/ids.hpp"
#include "common/json_text.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/customer/customer_invitation_service.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {

Result<std::vector<CustomerPartner>> CustomerInvitationService::ListPartners(
    const CallContext& ctx) {
  RETURN_IF_ERROR(AuthorizeCustomerAdmin(ctx, "list its partners"));
  std::vector<CustomerPartner> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    // Relationship and delegated admin are independent: a partner may hold either or both.
    std::map<std::string, CustomerPartner> by_id;
    ASSIGN_OR_RETURN(auto relationships, repos.Customers().RelationshipsOf(ctx.tenant_id));
    for (const auto& r : relationships) {
      CustomerPartner& p = by_id[r.partner_tenant_id];
      p.reseller = true;
      p.indirect_provider_id = r.indirect_provider_id;
      p.indirect_reseller_id = r.indirect_reseller_id;
    }
    ASSIGN_OR_RETURN(auto admins, repos.Customers().DelegatedAdminPartnersOf(ctx.tenant_id));
    for (const auto& id : admins) by_id[id].delegated_admin = true;
    for (auto& [id, p] : by_id) {
      ASSIGN_OR_RETURN(p.partner, repos.Partners().Get(id));
      out.push_back(std::move(p));
    }
    return Status::Ok();
  }));
  std::sort(out.begin(), out.end(), [](const CustomerPartner& a, const CustomerPartner& b) {
    return std::pair(FoldCase(a.partner.name), a.partner.tenant_id) <
           std::pair(FoldCase(b.partner.name), b.partner.tenant_id);
  });
  return out;
}

Status CustomerInvitationService::RevokeDelegatedAdmin(const CallContext& ctx,
                                                       const std::string& partner_tenant_id) {
  RETURN_IF_ERROR(AuthorizeCustomerAdmin(ctx, "remove a partner's delegated admin privileges"));
  const std::string partner_id = ToLower(partner_tenant_id);
  return deps_.store.Write([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(CheckStillAdmin(repos, ctx));
    ASSIGN_OR_RETURN(Customer customer, repos.Customers().Get(ctx.tenant_id));
    ASSIGN_OR_RETURN(bool held, repos.Customers().HasDelegatedAdmin(partner_id, customer.id));
    if (!held) {
      return NotFound("That partner holds no delegated admin privileges over your organization.");
    }
    // The commerce relationship stays (reference §3.3: removing DAP keeps it).
    RETURN_IF_ERROR(repos.Customers().RevokeDelegatedAdmin(partner_id, customer.id));
    AuditEntry entry{.operation_type = "dap_admin_relationship_terminated",
                     .resource_type = "partner_customer_dap",
                     .old_value = JsonObjectText()
                                      .Add("partnerId", partner_id)
                                      .AddRaw("allowDelegatedAccess", "true")
                                      .str(),
                     .new_value = JsonObjectText()
                                      .Add("partnerId", partner_id)
                                      .AddRaw("allowDelegatedAccess", "false")
                                      .str(),
                     .customer_id = customer.id,
                     .customer_name = customer.billing.company_name};
    for (const std::string& log : {partner_id, customer.id}) {
      entry.partner_id = log;
      RETURN_IF_ERROR(AppendAudit(deps_, repos, ctx, entry));
    }
    return Status::Ok();
  });
}

}  // namespace csphub::domain
