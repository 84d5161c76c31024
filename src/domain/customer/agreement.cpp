#include "domain/customer/agreement.hpp"

#include "common/ids.hpp"

namespace csphub::domain {

std::string_view AgreementTypeName(AgreementType t) {
  switch (t) {
    case AgreementType::kMicrosoftCustomerAgreement:
      return "MicrosoftCustomerAgreement";
    case AgreementType::kMicrosoftCloudAgreement:
      return "MicrosoftCloudAgreement";
  }
  return "MicrosoftCustomerAgreement";
}

std::optional<AgreementType> ParseAgreementType(std::string_view text) {
  for (AgreementType t :
       {AgreementType::kMicrosoftCustomerAgreement, AgreementType::kMicrosoftCloudAgreement}) {
    if (EqualsIgnoreCase(text, AgreementTypeName(t))) return t;
  }
  return std::nullopt;
}

// Invented, fixed IDs (like the demo catalog's): csphub does not serve Microsoft's agreement
// metadata, and clients that know no template ID can leave it out.
std::string_view DefaultAgreementTemplateId(AgreementType t) {
  return t == AgreementType::kMicrosoftCloudAgreement ? "c5a0f4e2-3b1d-4c6e-9a7f-2d8b1e0c4a01"
                                                      : "c5a0f4e2-3b1d-4c6e-9a7f-2d8b1e0c4a02";
}

std::string_view AgreementLink(AgreementType t) {
  return t == AgreementType::kMicrosoftCloudAgreement
             ? "https://www.microsoft.com/licensing/docs/view/Microsoft-Cloud-Agreement"
             : "https://www.microsoft.com/licensing/docs/customeragreement";
}

}  // namespace csphub::domain
