#include "domain/customer/agreement_service.hpp"

#include "common/ids.hpp"
#include "common/json_text.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/customer/agreement_repository.hpp"
#include "domain/customer/customer_validation.hpp"
#include "domain/customer/customer_visibility.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

bool SameContact(const AgreementContact& a, const AgreementContact& b) {
  return EqualsIgnoreCase(a.first_name, b.first_name) &&
         EqualsIgnoreCase(a.last_name, b.last_name) && EqualsIgnoreCase(a.email, b.email) &&
         a.phone_number == b.phone_number;
}

std::string AgreementJson(const Agreement& a) {
  const AgreementContact& c = a.primary_contact;
  return JsonObjectText()
      .Add("type", AgreementTypeName(a.type))
      .Add("templateId", a.template_id)
      .Add("dateAgreed", FormatIso8601(a.date_agreed))
      .Add("userId", a.user_id)
      .AddRaw("primaryContact", JsonObjectText()
                                    .Add("firstName", c.first_name)
                                    .Add("lastName", c.last_name)
                                    .Add("email", c.email)
                                    .Add("phoneNumber", c.phone_number)
                                    .str())
      .str();
}

// Everything that needs no database: the type, template, date, names and phone.
Result<Agreement> Validated(NewAgreement req, TimePoint now) {
  Agreement a;
  if (Trim(req.type).empty()) {
    a.type = AgreementType::kMicrosoftCustomerAgreement;
  } else {
    auto type = ParseAgreementType(Trim(req.type));
    if (!type) {
      return InvalidField("type", "must be MicrosoftCustomerAgreement or MicrosoftCloudAgreement");
    }
    a.type = *type;
  }
  a.template_id = ToLower(Trim(req.template_id));
  if (a.template_id.empty()) a.template_id = std::string(DefaultAgreementTemplateId(a.type));
  if (!IsGuid(a.template_id)) return InvalidField("templateId", "must be a GUID");

  const std::string date = Trim(req.date_agreed);
  if (date.empty()) return InvalidField("dateAgreed", "is required");
  if (!ParseIso8601(date, &a.date_agreed)) {
    return InvalidField("dateAgreed", "must be an ISO-8601 UTC date such as 2026-11-21");
  }
  // ParseIso8601 wraps around past year 2262 (nanosecond TimePoint) and rolls impossible days
  // over, so a date must read back as written; a far-future year is still "in the future".
  if (FormatIso8601(a.date_agreed).compare(0, 10, date, 0, 10) != 0) {
    if (date.compare(0, 4, FormatIso8601(now), 0, 4) > 0) {
      return InvalidField("dateAgreed",
                          "cannot be in the future (the customer must already have "
                          "accepted)");
    }
    return InvalidField("dateAgreed", "must be a real calendar date");
  }
  if (a.date_agreed > now) {
    return InvalidField("dateAgreed",
                        "cannot be in the future (the customer must already have "
                        "accepted)");
  }

  AgreementContact& c = a.primary_contact;
  c.first_name = Trim(req.primary_contact.first_name);
  c.last_name = Trim(req.primary_contact.last_name);
  c.email = Trim(req.primary_contact.email);
  c.phone_number = Trim(req.primary_contact.phone_number);
  RETURN_IF_ERROR(ValidatePersonName(c.first_name, "primaryContact.firstName", true));
  RETURN_IF_ERROR(ValidatePersonName(c.last_name, "primaryContact.lastName", true));
  // The same rule as an address's phone number (reference §4.3 Address).
  if (Utf8Length(c.phone_number) > 25 ||
      c.phone_number.find_first_not_of("+0123456789 -().") != std::string::npos) {
    return InvalidField("primaryContact.phoneNumber",
                        "may have up to 25 digits, spaces and + - ( ) .");
  }
  return a;
}

}  // namespace

Result<Agreement> AgreementService::Create(const CallContext& ctx, const std::string& customer_id,
                                           NewAgreement req) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kConfirmCustomerAgreement));
  const TimePoint now = deps_.clock.Now();
  ASSIGN_OR_RETURN(Agreement a, Validated(std::move(req), now));
  a.id = deps_.ids.NewGuid();
  a.customer_id = ToLower(customer_id);
  a.partner_tenant_id = ctx.tenant_id;
  a.user_id = ctx.subject_id;
  a.created_at = now;

  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(RequireCustomerRelationship(repos, ctx.tenant_id, a.customer_id).status());
    ASSIGN_OR_RETURN(Partner caller, repos.Partners().Get(ctx.tenant_id));
    if (!caller.programs.Has(Program::kIndirectProvider) &&
        !caller.programs.Has(Program::kDirectBill)) {
      return PermissionDenied(
          "An indirect reseller cannot confirm a customer's acceptance of an agreement; the "
          "customer's indirect provider does.",
          pc::kPartnershipPrograms);
    }
    RETURN_IF_ERROR(ValidateEmail(a.primary_contact.email, "primaryContact.email", caller.domain));
    ASSIGN_OR_RETURN(auto existing, repos.Agreements().ListForCustomer(a.customer_id, a.type));
    for (const Agreement& e : existing) {
      if (SameContact(e.primary_contact, a.primary_contact)) {
        return AlreadyExists(
            "This customer's acceptance of the agreement was already confirmed with the same "
            "contact; confirm again only when the contact changes.",
            pc::kAgreementAlreadyConfirmed);
      }
    }
    RETURN_IF_ERROR(repos.Agreements().Insert(a));
    ASSIGN_OR_RETURN(Customer customer, repos.Customers().Get(a.customer_id));
    return AppendAudit(
        deps_, repos, ctx,
        {.operation_type = "create_customer_agreement",
         .resource_type = "agreement",
         .new_value = AgreementJson(a),
         .customer_id = a.customer_id,
         .customer_name = customer.billing.company_name,
         .customized_data = {{"AgreementType", std::string(AgreementTypeName(a.type))}}});
  }));
  return a;
}

Result<std::vector<Agreement>> AgreementService::List(const CallContext& ctx,
                                                      const std::string& customer_id,
                                                      const std::string& type) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewCustomers));
  std::optional<AgreementType> filter;
  const std::string wanted = Trim(type);
  if (!wanted.empty() && wanted != "*") {
    filter = ParseAgreementType(wanted);
    if (!filter) {
      return InvalidField("agreementType",
                          "must be MicrosoftCustomerAgreement, MicrosoftCloudAgreement or *");
    }
  }
  const std::string id = ToLower(customer_id);
  std::vector<Agreement> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(RequireCustomerRelationship(repos, ctx.tenant_id, id).status());
    ASSIGN_OR_RETURN(out, repos.Agreements().ListForCustomer(id, filter));
    return Status::Ok();
  }));
  return out;
}

Status RequireCustomerAgreement(Repositories& repos, const std::string& customer_id) {
  ASSIGN_OR_RETURN(bool accepted, repos.Agreements().Exists(
                                      customer_id, AgreementType::kMicrosoftCustomerAgreement));
  if (accepted) return Status::Ok();
  return FailedPrecondition(
      "MCA acceptance required before purchase: confirm the customer's acceptance of the "
      "Microsoft Customer Agreement (POST /v1/customers/{id}/agreements) first.",
      pc::kMcaRequired);
}

}  // namespace csphub::domain
