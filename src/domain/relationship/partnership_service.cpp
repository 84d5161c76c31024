#include "domain/relationship/partnership_service.hpp"

#include "common/ids.hpp"
#include "common/json_text.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

constexpr const char* kInvalidInvitation =
    "This partnership link is not valid: it may have expired or been revoked.";

std::string PartnershipJson(const Partner& provider, const Partner& reseller) {
  return JsonObjectText()
      .Add("providerTenantId", provider.tenant_id)
      .Add("providerMpnId", provider.mpn_id)
      .Add("resellerTenantId", reseller.tenant_id)
      .Add("resellerMpnId", reseller.mpn_id)
      .str();
}

}  // namespace

Result<IssuedInvitation> PartnershipService::CreateInvitation(const CallContext& ctx,
                                                              const std::string& locale) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManagePartnerships));
  IssuedInvitation out;
  const std::string token = deps_.secrets.NewToken();
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(Partner provider, repos.Partners().Get(ctx.tenant_id));
    if (!provider.programs.Has(Program::kIndirectProvider)) {
      return PermissionDenied("Only indirect providers can request partnerships with resellers.",
                              pc::kPartnershipPrograms);
    }
    PartnershipInvitation& inv = out.invitation;
    inv.id = deps_.ids.NewGuid();
    inv.provider_tenant_id = provider.tenant_id;
    inv.token_hash = deps_.secrets.HashToken(token);
    inv.created_by = ctx.user_principal_name.empty() ? ctx.subject_id : ctx.user_principal_name;
    inv.created_at = deps_.clock.Now();
    inv.expires_at = inv.created_at + std::chrono::hours(24 * deps_.settings.invitation_ttl_days);
    RETURN_IF_ERROR(repos.Partnerships().InsertInvitation(inv));
    // The token rides in the URL fragment: browsers never send it to a server, so no access
    // log (ours or a proxy's) can record it.
    out.url = deps_.settings.public_url + "/#/partnerships/accept/" + token;
    out.email = PartnershipInvitationEmail(locale, provider.name, out.url);
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "create_partner_relationship_request",
                        .resource_type = "partner_relationship",
                        .new_value = JsonObjectText()
                                         .Add("invitationId", inv.id)
                                         .Add("expiresAt", FormatIso8601(inv.expires_at))
                                         .str()});
  }));
  return out;
}

Result<std::vector<PartnershipInvitation>> PartnershipService::ListInvitations(
    const CallContext& ctx) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewPartnerships));
  std::vector<PartnershipInvitation> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(out, repos.Partnerships().ListInvitations(ctx.tenant_id));
    return Status::Ok();
  }));
  return out;
}

Status PartnershipService::RevokeInvitation(const CallContext& ctx,
                                            const std::string& invitation_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManagePartnerships));
  return deps_.store.Write([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(
        repos.Partnerships().RevokeInvitation(ctx.tenant_id, invitation_id, deps_.clock.Now()));
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "revoke_partner_relationship_request",
                        .resource_type = "partner_relationship",
                        .old_value = JsonObjectText().Add("invitationId", invitation_id).str()});
  });
}

Result<PartnershipInvitation> PartnershipService::FindLiveInvitation(Repositories& repos,
                                                                     const std::string& token) {
  if (token.empty()) return InvalidField("token", "is required");
  auto inv = repos.Partnerships().GetInvitationByTokenHash(deps_.secrets.HashToken(token));
  if (!inv.ok() || inv->revoked_at || inv->expires_at <= deps_.clock.Now()) {
    return NotFound(kInvalidInvitation, pc::kInvitationInvalid);
  }
  return inv;
}

Result<InvitationPreview> PartnershipService::PreviewInvitation(const CallContext& ctx,
                                                                const std::string& token) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewPartnerships));
  InvitationPreview out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(PartnershipInvitation inv, FindLiveInvitation(repos, token));
    ASSIGN_OR_RETURN(out.provider, repos.Partners().Get(inv.provider_tenant_id));
    out.expires_at = inv.expires_at;
    ASSIGN_OR_RETURN(out.already_partnered,
                     repos.Partnerships().Exists(inv.provider_tenant_id, ctx.tenant_id));
    return Status::Ok();
  }));
  return out;
}

Result<PartnerLink> PartnershipService::AcceptInvitation(const CallContext& ctx,
                                                         const std::string& token) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kAcceptPartnership));
  PartnerLink out;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(PartnershipInvitation inv, FindLiveInvitation(repos, token));
    ASSIGN_OR_RETURN(Partner reseller, repos.Partners().Get(ctx.tenant_id));
    ASSIGN_OR_RETURN(Partner provider, repos.Partners().Get(inv.provider_tenant_id));
    if (!reseller.programs.Has(Program::kIndirectReseller)) {
      return PermissionDenied("Only indirect resellers can accept a partnership with a provider.",
                              pc::kPartnershipPrograms);
    }
    if (provider.disabled) return NotFound(kInvalidInvitation, pc::kInvitationInvalid);
    if (deps_.settings.partnership_same_country && provider.country != reseller.country) {
      return FailedPrecondition("The provider (" + provider.country + ") and the reseller (" +
                                    reseller.country + ") must be in the same country.",
                                pc::kPartnershipRegion);
    }
    Partnership p{provider.tenant_id, reseller.tenant_id, deps_.clock.Now()};
    Status inserted = repos.Partnerships().Insert(p);
    if (inserted.code() == StatusCode::kAlreadyExists) {
      return AlreadyExists("You are already in a partnership with " + provider.name + ".",
                           pc::kPartnershipExists);
    }
    RETURN_IF_ERROR(inserted);
    const std::string value = PartnershipJson(provider, reseller);
    for (const Partner* side : {&reseller, &provider}) {
      RETURN_IF_ERROR(AppendAudit(deps_, repos, ctx,
                                  {.partner_id = side->tenant_id,
                                   .operation_type = "create_partner_relationship",
                                   .resource_type = "partner_relationship",
                                   .new_value = value}));
    }
    out = {provider, p};
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<PartnerLink>> PartnershipService::List(const CallContext& ctx,
                                                          RelationshipType type) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewPartnerships));
  std::vector<PartnerLink> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    const bool resellers = type == RelationshipType::kIsIndirectCloudSolutionProviderOf;
    ASSIGN_OR_RETURN(std::vector<Partnership> rows,
                     resellers ? repos.Partnerships().ListResellersOf(ctx.tenant_id)
                               : repos.Partnerships().ListProvidersOf(ctx.tenant_id));
    for (auto& row : rows) {
      ASSIGN_OR_RETURN(Partner other, repos.Partners().Get(resellers ? row.reseller_tenant_id
                                                                     : row.provider_tenant_id));
      out.push_back({std::move(other), std::move(row)});
    }
    return Status::Ok();
  }));
  return out;
}

Status PartnershipService::Remove(const CallContext& ctx, const std::string& other_tenant_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManagePartnerships));
  const std::string other = ToLower(other_tenant_id);
  return deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(bool as_provider, repos.Partnerships().Exists(ctx.tenant_id, other));
    ASSIGN_OR_RETURN(bool as_reseller, repos.Partnerships().Exists(other, ctx.tenant_id));
    if (!as_provider && !as_reseller) {
      return NotFound("You have no partnership with that partner.");
    }
    const std::string provider_id = as_provider ? ctx.tenant_id : other;
    const std::string reseller_id = as_provider ? other : ctx.tenant_id;
    ASSIGN_OR_RETURN(Partner provider, repos.Partners().Get(provider_id));
    ASSIGN_OR_RETURN(Partner reseller, repos.Partners().Get(reseller_id));
    RETURN_IF_ERROR(repos.Partnerships().Delete(provider_id, reseller_id));
    const std::string value = PartnershipJson(provider, reseller);
    for (const std::string& side : {provider_id, reseller_id}) {
      RETURN_IF_ERROR(AppendAudit(deps_, repos, ctx,
                                  {.partner_id = side,
                                   .operation_type = "remove_partner_relationship",
                                   .resource_type = "partner_relationship",
                                   .old_value = value}));
    }
    return Status::Ok();
  });
}

}  // namespace csphub::domain
