// The partner side of customer invitations: GET /v1/customers/relationshiprequests.
#include "common/ids.hpp"
#include "domain/customer/customer_invitation_service.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {

Result<RelationshipRequest> CustomerInvitationService::RequestRelationship(
    const CallContext& ctx, const RelationshipRequestOptions& options) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kRequestResellerRelationship));
  if (options.delegated_admin) RETURN_IF_ERROR(Authorize(ctx, Operation::kRequestDelegatedAdmin));
  if (ctx.kind != PrincipalKind::kPartnerUser) {
    // Reference §4.4: App+User only — a person sends the invitation.
    return PermissionDenied("Requesting a reseller relationship needs an App+User token.");
  }
  const std::string provider_id = ToLower(options.indirect_provider_id);
  const Status not_partnered =
      InvalidField("indirectProviderId",
                   "must be the tenant ID of an indirect provider you are in partnership with");
  if (!provider_id.empty() && !IsGuid(provider_id)) return not_partnered;

  RelationshipRequest out;
  Partner caller;
  std::optional<Partner> provider;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(caller, repos.Partners().Get(ctx.tenant_id));
    if (!caller.programs.Has(Program::kDirectBill) &&
        !caller.programs.Has(Program::kIndirectProvider) &&
        !caller.programs.Has(Program::kIndirectReseller)) {
      return PermissionDenied("Your partner programs do not allow reselling to customers.",
                              pc::kPartnershipPrograms);
    }
    if (provider_id.empty()) return Status::Ok();
    if (!caller.programs.Has(Program::kIndirectReseller)) {
      return InvalidField("indirectProviderId",
                          "is for indirect resellers inviting customers with their provider");
    }
    ASSIGN_OR_RETURN(bool partnered, repos.Partnerships().Exists(provider_id, caller.tenant_id));
    if (!partnered) return not_partnered;
    ASSIGN_OR_RETURN(provider, repos.Partners().Get(provider_id));
    return Status::Ok();
  }));

  CustomerInvitation& inv = out.invitation;
  inv.partner_id = caller.tenant_id;
  inv.delegated_admin = options.delegated_admin;
  if (provider) {
    inv.type = InvitationType::kIndirectResellerRelationship;
    inv.mspp_id = caller.mpn_id;
    inv.indirect_csp_id = provider->tenant_id;
  }
  // The same link every time for the same options: nothing is stored (reference §4.4).
  out.url = CustomerInvitationUrl(deps_.settings.public_url, inv);
  out.email = CustomerInvitationEmail(options.locale, caller.name, provider ? provider->name : "",
                                      out.url, inv.delegated_admin);
  return out;
}

}  // namespace csphub::domain
