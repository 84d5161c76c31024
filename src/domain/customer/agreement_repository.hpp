#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "domain/customer/agreement.hpp"

namespace csphub::domain {

// Agreement attestations, kept for good (an attestation is a record of what happened, never
// edited or deleted). Bound to one transaction; not thread-safe on its own.
class AgreementRepository {
 public:
  virtual ~AgreementRepository() = default;
  // AlreadyExists only if the ID is taken; a customer may have many attestations.
  virtual Status Insert(const Agreement& a) = 0;
  // The customer's attestations, oldest first; only those of `type` when set.
  virtual Result<std::vector<Agreement>> ListForCustomer(
      const std::string& customer_id, const std::optional<AgreementType>& type) = 0;
  // Whether the customer has at least one attestation of `type`.
  virtual Result<bool> Exists(const std::string& customer_id, AgreementType type) = 0;
};

}  // namespace csphub::domain
