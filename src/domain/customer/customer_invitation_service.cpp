// The customer side of invitations: preview, accept, decline, and sign up then accept.
#include "domain/customer/customer_invitation_service.hpp"

#include "common/ids.hpp"
#include "common/json_text.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/customer/customer_creation.hpp"
#include "domain/identity/identity_service.hpp"
#include "domain/identity/password_policy.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

constexpr const char* kAcceptOperation = "accept_customer_relationship";
constexpr const char* kDeclineOperation = "decline_customer_relationship";
constexpr const char* kRelationshipResource = "partner_customer_relationship";

// One relationship an invitation asks for: the partner, and the other partner of a joint one.
struct Target {
  const Partner* partner;
  std::string indirect_reseller_id;  // on the provider's row
  std::string indirect_provider_id;  // on the reseller's row
};

std::vector<Target> TargetsOf(const InvitingPartners& p) {
  if (!p.provider) return {{&p.partner, "", ""}};
  return {{&p.partner, "", p.provider->tenant_id}, {&*p.provider, p.partner.tenant_id, ""}};
}

std::string InvitationJson(const CustomerInvitation& inv) {
  return JsonObjectText()
      .Add("invType", InvitationTypeName(inv.type))
      .Add("partnerId", inv.partner_id)
      .Add("indirectCSPId", inv.indirect_csp_id)
      .AddRaw("DAP", inv.delegated_admin ? "true" : "false")
      .str();
}

std::string RelationshipJson(const Customer& c, const CustomerPartner& p) {
  return JsonObjectText()
      .Add("customerId", c.id)
      .Add("partnerId", p.partner.tenant_id)
      .Add("relationshipToPartner", p.reseller ? "reseller" : "none")
      .Add("indirectResellerId", p.indirect_reseller_id)
      .Add("indirectProviderId", p.indirect_provider_id)
      .AddRaw("allowDelegatedAccess", p.delegated_admin ? "true" : "false")
      .str();
}

// The region rule (reference §2.3 "Constraints", §6): partner and customer in one country.
Status CheckRegion(const DomainSettings& settings, const InvitingPartners& partners,
                   const Customer& customer) {
  if (!settings.customer_same_country) return Status::Ok();
  const std::string& country = customer.billing.default_address.country;
  for (const Target& t : TargetsOf(partners)) {
    if (t.partner->country != country) {
      return FailedPrecondition(t.partner->name + " (" + t.partner->country +
                                    ") can only serve customers in its own country; yours is " +
                                    country + ".",
                                pc::kCustomerRegion);
    }
  }
  return Status::Ok();
}

}  // namespace

Status CustomerInvitationService::CheckStillAdmin(Repositories& repos, const CallContext& ctx) {
  auto user = repos.CustomerUsers().Get(ctx.tenant_id, ctx.subject_id);
  if (!user.ok() && user.status().code() != StatusCode::kNotFound) return user.status();
  if (!user.ok() || user->state != "active" || !user->global_admin) {
    return PermissionDenied("You no longer hold your organization's Global Administrator role.");
  }
  return Status::Ok();
}

Result<CustomerInvitationPreview> CustomerInvitationService::Preview(
    const CallContext& ctx, const CustomerInvitation& invitation) {
  RETURN_IF_ERROR(AuthorizeCustomerAdmin(ctx, "review partner invitations"));
  CustomerInvitationPreview out;
  out.invitation = invitation;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(Customer customer, repos.Customers().Get(ctx.tenant_id));
    ASSIGN_OR_RETURN(out.partners, ResolveInvitation(repos, invitation));
    out.same_country = CheckRegion(deps_.settings, out.partners, customer).ok();
    out.already_accepted = true;
    for (const Target& t : TargetsOf(out.partners)) {
      auto rel = repos.Customers().GetRelationship(t.partner->tenant_id, customer.id);
      if (!rel.ok() && rel.status().code() != StatusCode::kNotFound) return rel.status();
      ASSIGN_OR_RETURN(bool dap,
                       repos.Customers().HasDelegatedAdmin(t.partner->tenant_id, customer.id));
      if (!rel.ok() || (invitation.delegated_admin && !dap)) out.already_accepted = false;
    }
    return Status::Ok();
  }));
  return out;
}

Result<AcceptedInvitation> CustomerInvitationService::AcceptIn(Repositories& repos,
                                                               const CallContext& ctx,
                                                               const Customer& customer,
                                                               const CustomerInvitation& inv) {
  ASSIGN_OR_RETURN(InvitingPartners partners, ResolveInvitation(repos, inv));
  RETURN_IF_ERROR(CheckRegion(deps_.settings, partners, customer));
  const TimePoint now = deps_.clock.Now();
  AcceptedInvitation out;
  out.customer = customer;
  for (const Target& t : TargetsOf(partners)) {
    const std::string& partner_id = t.partner->tenant_id;
    CustomerPartner row{*t.partner, true, false, t.indirect_provider_id, t.indirect_reseller_id};
    // What exists is kept as it is: a relationship is never rewritten by a later invitation.
    auto existing = repos.Customers().GetRelationship(partner_id, customer.id);
    bool changed = false;
    if (existing.ok()) {
      row.indirect_provider_id = existing->indirect_provider_id;
      row.indirect_reseller_id = existing->indirect_reseller_id;
    } else if (existing.status().code() == StatusCode::kNotFound) {
      // Also the way back for a partner that removed its relationship earlier.
      RETURN_IF_ERROR(repos.Customers().InsertRelationship(
          {partner_id, customer.id, t.indirect_reseller_id, t.indirect_provider_id, now}));
      changed = true;
    } else {
      return existing.status();
    }
    ASSIGN_OR_RETURN(row.delegated_admin,
                     repos.Customers().HasDelegatedAdmin(partner_id, customer.id));
    if (inv.delegated_admin && !row.delegated_admin) {
      RETURN_IF_ERROR(repos.Customers().GrantDelegatedAdmin(partner_id, customer.id, now));
      row.delegated_admin = true;
      changed = true;
    }
    if (changed) {
      RETURN_IF_ERROR(AppendAudit(deps_, repos, ctx,
                                  {.partner_id = partner_id,
                                   .operation_type = kAcceptOperation,
                                   .resource_type = kRelationshipResource,
                                   .new_value = RelationshipJson(customer, row),
                                   .customer_id = customer.id,
                                   .customer_name = customer.billing.company_name,
                                   .customized_data = {{"Relationship", "reseller"}}}));
      out.changed = true;
    }
    out.partners.push_back(std::move(row));
  }
  if (out.changed) {
    RETURN_IF_ERROR(AppendAudit(deps_, repos, ctx,
                                {.partner_id = customer.id,
                                 .operation_type = kAcceptOperation,
                                 .resource_type = kRelationshipResource,
                                 .new_value = InvitationJson(inv),
                                 .customer_id = customer.id,
                                 .customer_name = customer.billing.company_name}));
  }
  return out;
}

Result<AcceptedInvitation> CustomerInvitationService::Accept(const CallContext& ctx,
                                                             const CustomerInvitation& invitation) {
  RETURN_IF_ERROR(AuthorizeCustomerAdmin(ctx, "accept a partner's invitation"));
  AcceptedInvitation out;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(CheckStillAdmin(repos, ctx));
    ASSIGN_OR_RETURN(Customer customer, repos.Customers().Get(ctx.tenant_id));
    ASSIGN_OR_RETURN(out, AcceptIn(repos, ctx, customer, invitation));
    return Status::Ok();
  }));
  return out;
}

Status CustomerInvitationService::Decline(const CallContext& ctx,
                                          const CustomerInvitation& invitation) {
  RETURN_IF_ERROR(AuthorizeCustomerAdmin(ctx, "decline a partner's invitation"));
  return deps_.store.Write([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(CheckStillAdmin(repos, ctx));
    ASSIGN_OR_RETURN(Customer customer, repos.Customers().Get(ctx.tenant_id));
    ASSIGN_OR_RETURN(InvitingPartners partners, ResolveInvitation(repos, invitation));
    AuditEntry entry{.operation_type = kDeclineOperation,
                     .resource_type = kRelationshipResource,
                     .new_value = InvitationJson(invitation),
                     .customer_id = customer.id,
                     .customer_name = customer.billing.company_name,
                     .operation_status = "decline"};
    for (const Target& t : TargetsOf(partners)) {
      entry.partner_id = t.partner->tenant_id;
      RETURN_IF_ERROR(AppendAudit(deps_, repos, ctx, entry));
    }
    entry.partner_id = customer.id;
    return AppendAudit(deps_, repos, ctx, entry);
  });
}

Result<SignedUpCustomer> CustomerInvitationService::SignUp(const CallContext& anonymous,
                                                           SignUpRequest req) {
  RETURN_IF_ERROR(ValidateChosenPassword(req.password));
  RETURN_IF_ERROR(NormalizeNewCustomer(req.company, deps_.settings.domain_suffix));
  // Slow work (argon2id) before the transaction, so the writer is not held for it.
  ASSIGN_OR_RETURN(std::string password_hash, deps_.hasher.Hash(req.password));
  SignedUpCustomer out;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(InvitingPartners partners, ResolveInvitation(repos, req.invitation));
    ASSIGN_OR_RETURN(CreatedTenant tenant,
                     InsertCustomerTenant(deps_, repos, req.company, {password_hash, false}, "",
                                          partners.partner.domain, deps_.clock.Now()));
    // From here on the new admin is the one acting, in its own tenant.
    CallContext ctx = anonymous;
    ctx.kind = PrincipalKind::kCustomerUser;
    ctx.tenant_id = tenant.customer.id;
    ctx.subject_id = tenant.admin.id;
    ctx.user_principal_name = tenant.admin.user_principal_name;
    ctx.application_id = kPortalClientId;
    ctx.customer_global_admin = true;
    const Customer& c = tenant.customer;
    RETURN_IF_ERROR(AppendAudit(deps_, repos, ctx,
                                {.operation_type = "sign_up_customer",
                                 .resource_type = "customer",
                                 .new_value = JsonObjectText()
                                                  .Add("id", c.id)
                                                  .Add("domain", c.domain)
                                                  .Add("companyName", c.billing.company_name)
                                                  .str(),
                                 .customer_id = c.id,
                                 .customer_name = c.billing.company_name,
                                 .customized_data = {{"PrimaryDomainName", c.domain}}}));
    ASSIGN_OR_RETURN(out.accepted, AcceptIn(repos, ctx, c, req.invitation));
    out.admin_user_name = tenant.admin.user_principal_name;
    return Status::Ok();
  }));
  return out;
}

}  // namespace csphub::domain
