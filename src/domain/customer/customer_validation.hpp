#pragma once
// The rules a new or updated customer must follow (reference §2.2, §4.3 Address). Each failure
// is a 400 that names the field by its JSON path, e.g. billingProfile.defaultAddress.city.
#include <string>
#include <string_view>

#include "common/status.hpp"
#include "domain/customer/customer.hpp"

namespace csphub::domain {

// ISO 3166-1 alpha-2, upper case.
bool IsCountryCode(std::string_view code);
// Countries where the address needs a phone number (reference §2.2).
bool CountryRequiresPhone(std::string_view code);

Status ValidateCompanyName(const std::string& name, const std::string& field);
// Person names: 1–40 characters, not one character (except CJK), not a placeholder such as
// "test" or "admin", not only digits or symbols.
Status ValidatePersonName(const std::string& name, const std::string& field, bool required);
// `partner_domain`: the creating partner's own domain, which a customer's email may not use.
Status ValidateEmail(const std::string& email, const std::string& field,
                     const std::string& partner_domain);
Status ValidateAddress(const Address& a, const std::string& field);
// The whole billing profile (names, email, culture, language, address).
Status ValidateBillingProfile(const BillingProfile& b, const std::string& partner_domain);
// "contoso" or "contoso.<suffix>" → "contoso.<suffix>", lower case; the prefix is 1–27
// letters or digits, with hyphens inside.
Result<std::string> NormalizeCustomerDomain(const std::string& domain, const std::string& suffix);

// Code points in a UTF-8 string.
std::size_t Utf8Length(std::string_view s);

}  // namespace csphub::domain
