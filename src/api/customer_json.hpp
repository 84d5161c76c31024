#pragma once
// Customer resources as JSON (reference §4.3 Customer, CustomerCompanyProfile,
// CustomerBillingProfile), written and read the same way by the API handlers and the CLI.
#include <string>

#include "api/json.hpp"
#include "domain/customer/customer_service.hpp"

namespace csphub::api {

struct CustomerJsonOptions {
  bool with_delegated_access = false;                // get-by-id shows allowDelegatedAccess
  const domain::CreatedCustomer* created = nullptr;  // adds userCredentials (create only)
};

void WriteSelfLink(JsonOut& j, const std::string& uri);
// The same, its URI given in parts (written as one string, without building it first).
void WriteSelfLink(JsonOut& j, std::initializer_list<std::string_view> uri);
// The members of a company profile; contact details only with delegated admin.
void WriteCompanyProfile(JsonOut& j, const domain::Customer& c, bool with_contact);
// The members of a billing profile, with its etag in attributes.
void WriteBillingProfile(JsonOut& j, const domain::Customer& c);
// The whole customer (GET /v1/customers/{id}, create, PATCH): with its billing profile.
void WriteCustomer(JsonOut& j, const domain::CustomerDetails& d, CustomerJsonOptions o = {});
// An item of the customer list (GET /v1/customers), in the shape of Partner Center's documented
// list response: id, commerceId, the company profile without contact details,
// relationshipToPartner, associatedPartnerId when set (ours: the provider's view needs it),
// links and attributes. No billing profile: that is GET by ID's and profiles/billing's.
void WriteCustomerListItem(JsonOut& j, const domain::CustomerSummary& c);
std::string CustomerBody(const domain::CustomerDetails& d, CustomerJsonOptions o = {});

// A billing profile from its JSON (create and PUT): the contact's names may come on the
// profile or on its default address (both appear in Partner Center's samples).
Result<domain::BillingProfile> ReadBilling(const ObjectReader& b);
// The body of POST /v1/customers.
Result<domain::NewCustomer> ReadNewCustomer(const std::string& body);
// filter={"Field":"CompanyName|Domain|IndirectReseller|IndirectCloudSolutionProvider",
//         "Value":"…","Operator":"starts_with"}
Status ReadCustomerFilter(const std::string& text, domain::CustomerListRequest& req);

}  // namespace csphub::api
