#pragma once
// Customer invitations end to end (issue 3 "Invite and accept"; reference §2.3, §2.4, §3.3):
//  - a partner gets its reusable link and a draft email (no state is created: §4.4);
//  - a customer's Global Administrator previews it, accepts it (reseller relationship(s), and
//    delegated admin when the link asks for it) or declines it;
//  - the customer lists its partners and revokes a partner's delegated admin;
//  - a company with no account signs up and accepts in one transaction.
// Every write is one store transaction with its audit records in each partner's log and in the
// customer's own log (keyed by the customer's tenant ID).
#include <string>
#include <vector>

#include "domain/call_context.hpp"
#include "domain/customer/customer.hpp"
#include "domain/customer/customer_invitation.hpp"
#include "domain/customer/customer_service.hpp"
#include "domain/relationship/invitation_email.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

struct RelationshipRequestOptions {
  bool delegated_admin = false;      // ?delegatedAdmin=true: the link asks for DAP too
  std::string indirect_provider_id;  // a reseller's joint invitation with this provider
  std::string locale;                // of the draft email
};

// GET /v1/customers/relationshiprequests (reference §4.3 RelationshipRequest).
struct RelationshipRequest {
  CustomerInvitation invitation;
  std::string url;
  DraftEmail email;
};

// One partner as a customer sees it.
struct CustomerPartner {
  Partner partner;
  bool reseller = false;             // holds a commerce (reseller) relationship
  bool delegated_admin = false;      // holds delegated admin privileges
  std::string indirect_provider_id;  // a reseller's row: the provider it serves the customer with
  std::string indirect_reseller_id;  // a provider's row: the reseller it serves the customer with
};

struct CustomerInvitationPreview {
  CustomerInvitation invitation;
  InvitingPartners partners;
  bool same_country = true;       // false when the region rule would refuse acceptance
  bool already_accepted = false;  // accepting would change nothing
};

struct AcceptedInvitation {
  Customer customer;
  std::vector<CustomerPartner> partners;  // the invitation's partners, as they now stand
  bool changed = false;                   // false when it had been accepted already
};

// POST /v1/invitations/signup.
struct SignUpRequest {
  CustomerInvitation invitation;
  NewCustomer company;   // as for POST /v1/customers (associated_partner_id is ignored)
  std::string password;  // the admin's own password (12–256 characters), not temporary
};

struct SignedUpCustomer {
  AcceptedInvitation accepted;
  std::string admin_user_name;  // admin@<domain>
};

class CustomerInvitationService {
 public:
  explicit CustomerInvitationService(ServiceDeps& deps) : deps_(deps) {}

  // --- partner side: App+User tokens only (reference §4.4) ---
  // Direct-bill partners, indirect providers and indirect resellers; a joint invitation only
  // for a reseller in partnership with `indirect_provider_id` (400 naming the field).
  Result<RelationshipRequest> RequestRelationship(const CallContext& ctx,
                                                  const RelationshipRequestOptions& options);

  // --- customer side: the customer's Global Administrator (403 otherwise) ---
  Result<CustomerInvitationPreview> Preview(const CallContext& ctx,
                                            const CustomerInvitation& invitation);
  // Idempotent: what exists already is kept and not recorded again. 409 (700206) when the
  // region rule refuses a partner; 400 (700205) when the link is not valid.
  Result<AcceptedInvitation> Accept(const CallContext& ctx, const CustomerInvitation& invitation);
  // Records the refusal in both logs; creates nothing and removes nothing.
  Status Decline(const CallContext& ctx, const CustomerInvitation& invitation);
  Result<std::vector<CustomerPartner>> ListPartners(const CallContext& ctx);
  // 404 when the partner holds no delegated admin over the customer.
  Status RevokeDelegatedAdmin(const CallContext& ctx, const std::string& partner_tenant_id);

  // --- unauthenticated: `anonymous` carries only the request and correlation IDs ---
  // Creates the tenant, its domain (409 when taken), its admin and accepts, all or nothing.
  Result<SignedUpCustomer> SignUp(const CallContext& anonymous, SignUpRequest request);

 private:
  // Inside the transaction: the token's user still exists, is active and still holds the
  // Global Administrator role (a token lives up to an hour; a demotion takes effect at once).
  static Status CheckStillAdmin(Repositories& repos, const CallContext& ctx);
  Result<AcceptedInvitation> AcceptIn(Repositories& repos, const CallContext& ctx,
                                      const Customer& customer,
                                      const CustomerInvitation& invitation);
  ServiceDeps& deps_;
};

}  // namespace csphub::domain
