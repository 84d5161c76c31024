#pragma once
// Request bodies for /v1/customers in tests: a valid customer, and ways to break one field.
#include <string>

namespace csphub::testing {

struct CustomerFields {
  std::string domain = "contoso";
  std::string company_name = "Contoso Ltd";
  std::string first_name = "Ann";
  std::string last_name = "Lee";
  std::string email = "ann.lee@contoso.example";
  std::string culture = "en-US";
  std::string language = "en";
  std::string country = "US";
  std::string city = "Redmond";
  std::string state = "WA";
  std::string address_line1 = "1 Microsoft Way";
  std::string postal_code = "98052";
  std::string phone = "";
  std::string associated_partner_id = "";
};

// The JSON body of POST /v1/customers.
std::string CustomerJson(const CustomerFields& f);
// The JSON body of PUT …/profiles/billing, with `etag` in attributes when not empty.
std::string BillingJson(const CustomerFields& f, const std::string& etag);

}  // namespace csphub::testing
