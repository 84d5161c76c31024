#pragma once
// Customers and the partners' relationships with them (reference §1, §2.1–2.7, §4.3).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "domain/customer/customer_summaries.hpp"

namespace csphub::domain {

// Reference §4.3 Address.
struct Address {
  std::string country;  // ISO 3166 alpha-2, upper case; fixed at creation
  std::string region;
  std::string city;
  std::string state;
  std::string address_line1;
  std::string address_line2;
  std::string postal_code;
  std::string first_name;
  std::string middle_name;
  std::string last_name;
  std::string phone_number;
};

// Reference §4.3 CustomerBillingProfile. `company_name` is also the name the customer is
// listed and searched by (reference §2.1: editing it changes the list value).
struct BillingProfile {
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string culture;   // "en-US"
  std::string language;  // "en"
  std::string company_name;
  Address default_address;
};

struct Customer {
  std::string id;  // the customer's tenant ID (GUID, lower case)
  std::string commerce_id;
  std::string domain;  // initial <prefix>.<suffix> domain, lower case; fixed
  std::string organization_registration_number;
  BillingProfile billing;
  std::int64_t billing_etag = 0;  // changes with every billing profile update
  std::string created_by;         // the partner tenant that created it, if one did
  TimePoint created_at;
  TimePoint updated_at;
};

// One partner's commerce (reseller) relationship with one customer. The provider's row names
// the reseller it serves the customer with; the reseller's row names the provider.
struct CustomerRelationship {
  std::string partner_tenant_id;
  std::string customer_id;
  std::string indirect_reseller_id;  // on a provider's row; empty otherwise
  std::string indirect_provider_id;  // on a reseller's row; empty otherwise
  TimePoint created_at;
};

// What a partner sees of a customer: the customer and its own relationship to it.
struct CustomerView {
  Customer customer;
  CustomerRelationship relationship;
};

// A customer as one partner sees it, read at once (GET /v1/customers/{id}).
struct RelatedCustomer {
  CustomerView view;
  bool delegated_admin = false;  // the partner holds delegated admin privileges
};

// A user of a customer tenant (the admin created with the customer; issue 5 adds the rest).
struct CustomerUser {
  std::string id;
  std::string customer_id;
  std::string user_principal_name;  // lower case, unique
  std::string display_name;
  std::string first_name;
  std::string last_name;
  std::string usage_location;
  std::string password_hash;
  bool must_change_password = true;
  bool global_admin = false;  // holds the tenant's Global Administrator directory role
  std::string state = "active";
  std::optional<TimePoint> soft_deleted_at;
  TimePoint created_at;
  TimePoint updated_at;
};

// The filters Partner Center offers on the customer list (reference §4.1), all prefix matches.
enum class CustomerFilterField {
  kNone,
  kCompanyName,
  kDomain,
  kIndirectReseller,
  kIndirectCloudSolutionProvider
};

// Where a page of the customer list starts: after this (sort key, customer ID).
struct CustomerCursor {
  std::string key;       // the sort key of the last row: company name key, domain or partner ID
  std::string name_key;  // for reseller/provider filters: the company name key of the last row
  std::string customer_id;
};

struct CustomerListQuery {
  std::string partner_tenant_id;
  CustomerFilterField field = CustomerFilterField::kNone;
  std::string value;  // lower case prefix
  int limit = 100;
  std::optional<CustomerCursor> after;
};

}  // namespace csphub::domain
