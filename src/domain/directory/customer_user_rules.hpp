#pragma once
// The field rules of customer users (reference §4.3 CustomerUser), shared by single creates and
// bulk imports.
#include <string>

#include "common/status.hpp"
#include "domain/customer/customer.hpp"

namespace csphub::domain {

// "local@domain" with the domain one of the customer's (its initial domain), returned lower
// case; 400 naming `field` otherwise.
Result<std::string> ValidUserPrincipalName(const std::string& upn, const Customer& customer,
                                           const std::string& field = "userPrincipalName");
// Display name 1..256 characters; first and last names up to 64; `prefix` starts the field path.
Status ValidateUserNames(const std::string& display_name, const std::string& first_name,
                         const std::string& last_name, const std::string& prefix = "");
// An ISO 3166 alpha-2 code (returned upper case), or empty when `may_be_empty`.
Result<std::string> ValidUsageLocation(const std::string& code, bool may_be_empty,
                                       const std::string& field = "usageLocation");

}  // namespace csphub::domain
