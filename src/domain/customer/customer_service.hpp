#pragma once
// Customers as partners see them: create (with the admin user and the relationships, in one
// transaction), list with keyset paging and prefix filters, read, update the billing profile,
// remove the relationship, drop delegated admin (issue 3; reference §2.1–2.7, §4.4).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/call_context.hpp"
#include "domain/customer/customer.hpp"
#include "domain/partner/partner.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

struct NewCustomer {
  std::string domain;  // companyProfile.domain: "contoso" or "contoso.<suffix>"
  std::string organization_registration_number;
  BillingProfile billing;
  std::string associated_partner_id;  // a reseller's tenant ID (indirect providers only)
  // A fixed tenant ID instead of a new GUID: for seeding the demo data set only (the API and
  // the CLI never set it).
  std::string fixed_tenant_id;
};

struct CustomerDetails {
  CustomerView view;
  bool related = true;           // false once the caller removed its relationship
  bool delegated_admin = false;  // the caller holds delegated admin privileges
};

struct CreatedCustomer {
  CustomerDetails details;
  std::string admin_user_name;  // admin@<domain>
  std::string admin_password;   // temporary: shown once, never stored in clear
};

struct CustomerPage {
  CustomerSummaries items;   // as the list shows them: no billing profile
  std::string continuation;  // empty on the last page
};

struct CustomerListRequest {
  CustomerFilterField field = CustomerFilterField::kNone;
  std::string value;         // the prefix; case-insensitive
  int size = 0;              // 0: the default page size
  std::string continuation;  // when set, the filter and size come from it
};

// PATCH /v1/customers/{id}: the two changes Partner Center allows there.
struct CustomerPatch {
  std::optional<std::string> relationship_to_partner;  // only "none"
  std::optional<bool> allow_delegated_access;          // only false
};

class CustomerService {
 public:
  static constexpr int kDefaultPageSize = 100;
  static constexpr int kMaxPageSize = 500;

  explicit CustomerService(ServiceDeps& deps) : deps_(deps) {}

  Result<CreatedCustomer> Create(const CallContext& ctx, NewCustomer req);
  Result<CustomerPage> List(const CallContext& ctx, const CustomerListRequest& req);
  // 404 when the caller never had a relationship with the customer; 403 (20002) when it
  // removed it.
  Result<CustomerDetails> Get(const CallContext& ctx, const std::string& customer_id);
  Result<CustomerDetails> Patch(const CallContext& ctx, const std::string& customer_id,
                                const CustomerPatch& patch);
  // Replaces the billing profile when `if_match` is its current etag (412 otherwise).
  Result<CustomerDetails> UpdateBilling(const CallContext& ctx, const std::string& customer_id,
                                        BillingProfile billing, std::int64_t if_match);
  // The indirect resellers that hold a relationship with the customer.
  Result<std::vector<Partner>> IndirectResellers(const CallContext& ctx,
                                                 const std::string& customer_id);
  // The caller's whole customer list, in name order, a page at a time (the export: reference
  // §2.1 exports the full list whatever the search). Each page is read in its own snapshot, so
  // a long export never holds the database; `sink` may stop it by returning an error.
  Status Export(const CallContext& ctx,
                const std::function<Status(const CustomerSummaries&)>& sink);
  // One page of the export: the first with an empty `continuation`, then the page's token.
  Result<CustomerPage> ExportPage(const CallContext& ctx, const std::string& continuation);
  // Whether any tenant holds `domain` ("contoso" or "contoso.<suffix>").
  Result<bool> DomainInUse(const CallContext& ctx, const std::string& domain);

 private:
  ServiceDeps& deps_;
};

}  // namespace csphub::domain
