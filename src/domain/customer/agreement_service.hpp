#pragma once
// Customer agreement attestations: POST/GET /v1/customers/{id}/agreements (issue 4; reference
// §2.2 "Microsoft Customer Agreement", §4.3 Agreement), and the purchase gate orders use.
#include <optional>
#include <string>
#include <vector>

#include "domain/call_context.hpp"
#include "domain/customer/agreement.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

// POST body as sent; validated by AgreementService::Create.
struct NewAgreement {
  AgreementContact primary_contact;
  std::string date_agreed;  // ISO-8601 UTC ("2026-11-21" or "2026-11-21T06:59:00Z")
  std::string template_id;  // optional: the type's template when empty
  std::string type;         // optional: MicrosoftCustomerAgreement when empty
};

class AgreementService {
 public:
  explicit AgreementService(ServiceDeps& deps) : deps_(deps) {}

  // Records that the customer accepted the agreement, attested by the caller (its user ID from
  // the token), with an `create_customer_agreement` audit record in the same transaction.
  // Errors: 900150 role; 404 / 403 20002 visibility; 403 700204 when the caller is an indirect
  // reseller (its provider attests); 400 naming the field for a bad contact, an unknown type, a
  // malformed or future dateAgreed; 409 600061 when the same contact already attested the same
  // agreement type for this customer (Partner Center allows a new one only when the contact
  // changes).
  Result<Agreement> Create(const CallContext& ctx, const std::string& customer_id,
                           NewAgreement req);
  // Every attestation made for the customer, by any partner, oldest first; `type` filters
  // ("" or "*": all types; otherwise a type name, 400 when unknown).
  Result<std::vector<Agreement>> List(const CallContext& ctx, const std::string& customer_id,
                                      const std::string& type);

 private:
  ServiceDeps& deps_;
};

// The purchase gate (reference §4.4 "Order for reseller customer"): OK when some partner has
// attested the customer's acceptance of the Microsoft Customer Agreement; otherwise
// FailedPrecondition with code 13605 (HTTP 403). Runs inside the caller's transaction, so an
// order and its gate see the same state. `customer_id` lower case.
Status RequireCustomerAgreement(Repositories& repos, const std::string& customer_id);

}  // namespace csphub::domain
