#include "domain/partner/partner_service.hpp"

#include <cctype>

#include "common/ids.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "Contoso Ltd." → "contosoltd": the default sign-in domain prefix.
std::string Slug(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return out.substr(0, 40);
}

}  // namespace

Status ValidateCountry(const std::string& field, const std::string& country) {
  if (country.size() != 2 || !std::isalpha(static_cast<unsigned char>(country[0])) ||
      !std::isalpha(static_cast<unsigned char>(country[1]))) {
    return InvalidField(field, "must be an ISO 3166 alpha-2 country code, such as US");
  }
  return Status::Ok();
}

// DNS-label rules (reference §7.1): letters, digits and inner hyphens, 1 to 63 characters.
Status ValidateDomainPrefix(const std::string& field, const std::string& prefix) {
  if (prefix.empty() || prefix.size() > 63) {
    return InvalidField(field, "must have a prefix of 1 to 63 characters");
  }
  for (char c : prefix) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') {
      return InvalidField(field, "may contain only letters, digits and hyphens");
    }
  }
  if (prefix.front() == '-' || prefix.back() == '-') {
    return InvalidField(field, "must not start or end with a hyphen");
  }
  return Status::Ok();
}

Result<EnrolledPartner> PartnerService::Enroll(const CallContext& ctx, EnrollPartnerRequest req) {
  RETURN_IF_ERROR(AuthorizeOperator(ctx));
  if (req.name.size() < 2 || req.name.size() > 255) {
    return InvalidField("name", "must be 2 to 255 characters long");
  }
  RETURN_IF_ERROR(ValidateCountry("country", req.country));
  if (req.programs.empty()) {
    return InvalidField("programs",
                        "must list at least one of direct_bill, indirect_provider, "
                        "indirect_reseller");
  }
  Partner p;
  for (const auto& name : req.programs) {
    const auto program = ParseProgram(name);
    if (!program) {
      return InvalidField("programs", "has an unknown program '" + name +
                                          "' (expected direct_bill, indirect_provider or "
                                          "indirect_reseller)");
    }
    p.programs.Add(*program);
  }
  if (p.programs.Has(Program::kIndirectProvider) && p.programs.Has(Program::kIndirectReseller)) {
    return InvalidField("programs",
                        "cannot hold both indirect_provider and indirect_reseller: one partner "
                        "location is one tier");
  }
  if (!AllDigits(req.mpn_id) || req.mpn_id.size() > 10) {
    return InvalidField("mpnId", "must be numeric, 1 to 10 digits");
  }
  const std::string suffix = "." + deps_.settings.domain_suffix;
  std::string domain = req.domain.empty() ? Slug(req.name) : ToLower(req.domain);
  if (domain.size() > suffix.size() &&
      domain.compare(domain.size() - suffix.size(), suffix.size(), suffix) == 0) {
    domain.resize(domain.size() - suffix.size());
  }
  RETURN_IF_ERROR(ValidateDomainPrefix("domain", domain));
  domain += suffix;

  p.tenant_id = req.tenant_id.empty() ? deps_.ids.NewGuid() : req.tenant_id;
  p.name = req.name;
  p.country = ToLower(req.country);
  for (char& c : p.country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  p.mpn_id = req.mpn_id;
  p.domain = domain;
  p.created_at = deps_.clock.Now();

  EnrolledPartner out;
  out.admin_temporary_password =
      req.admin_password.empty() ? deps_.secrets.NewTemporaryPassword() : req.admin_password;
  ASSIGN_OR_RETURN(std::string hash, deps_.hasher.Hash(out.admin_temporary_password));

  PartnerUser admin;
  admin.id = deps_.ids.NewGuid();
  admin.tenant_id = p.tenant_id;
  admin.user_principal_name = "admin@" + domain;
  admin.display_name = "Global admin";
  admin.roles = RoleSet{Role::kGlobalAdmin};
  admin.password_hash = std::move(hash);
  admin.must_change_password = req.admin_password.empty();
  admin.created_at = admin.updated_at = p.created_at;

  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(repos.Partners().Insert(p));
    RETURN_IF_ERROR(repos.PartnerUsers().Insert(admin));
    CallContext as_partner = ctx;
    return AppendAudit(deps_, repos, as_partner,
                       {.partner_id = p.tenant_id,
                        .operation_type = "create_partner_user",
                        .resource_type = "partner_user",
                        .new_value = "{\"userPrincipalName\":\"" + admin.user_principal_name +
                                     "\",\"roles\":[\"GlobalAdmin\"]}",
                        .customized_data = {{"EnrolledBy", "operator"}}});
  }));
  out.partner = std::move(p);
  out.admin_user_id = admin.id;
  out.admin_user_name = admin.user_principal_name;
  return out;
}

Result<std::vector<Partner>> PartnerService::List(const CallContext& ctx,
                                                  const std::optional<std::string>& after,
                                                  int limit) {
  RETURN_IF_ERROR(AuthorizeOperator(ctx));
  std::vector<Partner> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(out, repos.Partners().List(after, limit));
    return Status::Ok();
  }));
  return out;
}

Result<Partner> PartnerService::Get(const CallContext& ctx, const std::string& tenant_id) {
  RETURN_IF_ERROR(AuthorizeOperator(ctx));
  Result<Partner> out = NotFound("No partner with that tenant ID.");
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    out = repos.Partners().Get(tenant_id);
    return Status::Ok();
  }));
  return out;
}

Result<Partner> PartnerService::Own(const CallContext& ctx) {
  if (!ctx.IsPartner()) return PermissionDenied("Only partners have an MPN profile.");
  Result<Partner> out = NotFound("");
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    out = repos.Partners().Get(ctx.tenant_id);
    return Status::Ok();
  }));
  return out;
}

Result<Partner> PartnerService::SetDisabled(const CallContext& ctx, const std::string& tenant_id,
                                            bool disabled) {
  RETURN_IF_ERROR(AuthorizeOperator(ctx));
  Result<Partner> out = NotFound("No partner with that tenant ID.");
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(Partner p, repos.Partners().Get(tenant_id));
    if (p.disabled == disabled) {
      out = p;
      return Status::Ok();
    }
    RETURN_IF_ERROR(repos.Partners().SetDisabled(tenant_id, disabled));
    p.disabled = disabled;
    out = p;
    return AppendAudit(deps_, repos, ctx,
                       {.partner_id = tenant_id,
                        .operation_type = disabled ? "disable_partner" : "enable_partner",
                        .resource_type = "partner",
                        .old_value = disabled ? "{\"disabled\":false}" : "{\"disabled\":true}",
                        .new_value = disabled ? "{\"disabled\":true}" : "{\"disabled\":false}"});
  }));
  return out;
}

Result<Partner> PartnerService::GetByMpnId(const CallContext& ctx, const std::string& mpn_id) {
  if (!ctx.IsPartner() && !ctx.IsOperator()) {
    return PermissionDenied("Only partners may look up partners by MPN ID.");
  }
  if (!AllDigits(mpn_id)) {
    return InvalidArgument("MPN Id must be numeric.", pc::kInvalidArgument);
  }
  Result<Partner> out = NotFound("");
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    out = repos.Partners().GetByMpnId(mpn_id);
    return Status::Ok();
  }));
  if (!out.ok() && out.status().code() == StatusCode::kNotFound) {
    // Partner Center answers an unknown MPN ID with 400, code 3000 (reference §4.2).
    return InvalidArgument("No partner was found with MPN ID " + mpn_id + ".",
                           pc::kInvalidProperty);
  }
  return out;
}

}  // namespace csphub::domain
