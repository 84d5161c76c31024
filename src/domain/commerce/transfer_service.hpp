#pragma once
// Subscription transfers: /v1/customers/{id}/transfers (issue 4; reference §2.10, §4.2 [A14]).
//
// Who does what: the source (the selling partner of every listed subscription) creates and
// withdraws; the target (another selling partner with a relationship with the customer)
// accepts or rejects; both read it. Changing a transfer needs Global admin
// (Operation::kTransferSubscriptions, reference §3.2); reading it needs what reading the
// subscriptions needs (Operation::kViewSubscriptions). Every change is audited in both
// partners' logs.
#include <string>
#include <vector>

#include "domain/call_context.hpp"
#include "domain/commerce/transfer.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

struct NewTransferLine {
  std::string subscription_id;
  std::string partner_id_on_record;  // the reseller of record at the target (MPN ID), or empty
};

struct NewTransfer {
  std::string source_tenant_id;  // optional; must be the caller's when given
  std::string target_tenant_id;
  std::vector<NewTransferLine> line_items;
};

class TransferService {
 public:
  explicit TransferService(ServiceDeps& deps) : deps_(deps) {}

  // Creates an Active transfer that expires after kTransferLifetime. Errors: 900150 role; 404 /
  // 403 20002 the caller's visibility; 403 700204 when the caller is an indirect reseller;
  // 400 naming the field for a malformed body (sourcePartnerTenantId not the caller's,
  // targetPartnerTenantId missing / the caller's / unknown / disabled, lineItems empty, too many,
  // or listing a subscription twice; an add-on without its base or a base without its add-ons);
  // 400 700204 when the target is not a selling partner; 403 20002 when the target has no
  // relationship with the customer; per line 404 20003 unknown subscription, 403 700208 the
  // caller is only its reseller of record, 409 700210 not active, 409 700209 already in an
  // Active transfer; partnerIdOnRecord as ResolveResellerOfRecord with the target as provider.
  Result<Transfer> Create(const CallContext& ctx, const std::string& customer_id, NewTransfer req);
  // The customer's transfers the caller is the source or the target of, oldest first.
  Result<std::vector<Transfer>> List(const CallContext& ctx, const std::string& customer_id);
  // 404 unless the caller is its source or target.
  Result<Transfer> Get(const CallContext& ctx, const std::string& customer_id,
                       const std::string& id);
  // The target takes every subscription in one transaction (transfer_acceptance.cpp).
  Result<Transfer> Accept(const CallContext& ctx, const std::string& customer_id,
                          const std::string& id);
  // The target declines: Rejected. `status` must be "reject".
  Result<Transfer> Reject(const CallContext& ctx, const std::string& customer_id,
                          const std::string& id, const std::string& status);
  // The source takes it back: Withdrawn.
  Status Withdraw(const CallContext& ctx, const std::string& customer_id, const std::string& id);

 private:
  // Moves an Active transfer to `next` (Rejected: by its target; Withdrawn: by its source),
  // audited as `operation` in both logs.
  Result<Transfer> Close(const CallContext& ctx, const std::string& customer_id,
                         const std::string& id, TransferStatus next, const char* operation);

  ServiceDeps& deps_;
};

}  // namespace csphub::domain
