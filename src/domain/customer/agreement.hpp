#pragma once
// A partner's attestation that a customer accepted a Microsoft agreement (reference §2.2 row
// "Microsoft Customer Agreement", §4.3 Agreement). The agreement is the customer's: any partner
// related to the customer reads every attestation made for it, and one Microsoft Customer
// Agreement attestation by any partner unlocks purchases (RequireCustomerAgreement).
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"

namespace csphub::domain {

enum class AgreementType { kMicrosoftCustomerAgreement, kMicrosoftCloudAgreement };

// "MicrosoftCustomerAgreement" / "MicrosoftCloudAgreement", the documented spelling.
std::string_view AgreementTypeName(AgreementType t);
// Case-insensitive; nullopt for anything else.
std::optional<AgreementType> ParseAgreementType(std::string_view text);
// The template every attestation of `t` refers to when the client names none, and the public
// page of the agreement's text ([impl]: csphub has no agreement-metadata endpoint yet).
std::string_view DefaultAgreementTemplateId(AgreementType t);
std::string_view AgreementLink(AgreementType t);

struct AgreementContact {
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string phone_number;  // optional
};

struct Agreement {
  std::string id;  // internal (GUID); Partner Center's resource has none
  std::string customer_id;
  std::string partner_tenant_id;  // who attested
  std::string user_id;            // the caller's subject: user ID or app client ID
  AgreementContact primary_contact;
  TimePoint date_agreed;  // UTC, never in the future
  std::string template_id;
  AgreementType type = AgreementType::kMicrosoftCustomerAgreement;
  TimePoint created_at;
};

}  // namespace csphub::domain
