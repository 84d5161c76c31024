#include "domain/customer/customer_validation.hpp"

#include <array>
#include <cctype>

#include "common/fold_case.hpp"
#include "common/ids.hpp"

namespace csphub::domain {
namespace {

// Legal-form abbreviations that are not a company name on their own (reference §2.2).
constexpr std::array<std::string_view, 16> kBareAbbreviations = {
    "llc", "inc", "ltd", "corp", "co", "gmbh", "ag",  "sa",
    "plc", "llp", "lp",  "bv",   "oy", "ab",   "ooo", "ооо"};
constexpr std::array<std::string_view, 8> kPlaceholderNames = {"test", "admin", "nobody",  "none",
                                                               "n/a",  "na",    "unknown", "xxx"};

bool IsAsciiAlnum(unsigned char c) { return std::isalnum(c) != 0; }

// True when the text has a letter or digit: ASCII ones, or any non-ASCII character (letters
// of other scripts; emoji are rare enough in company names to let through).
bool HasWordCharacter(std::string_view s) {
  for (unsigned char c : s) {
    if (IsAsciiAlnum(c) || c >= 0x80) return true;
  }
  return false;
}

bool OnlyDigitsAndSymbols(std::string_view s) {
  for (unsigned char c : s) {
    if (std::isalpha(c) || c >= 0x80) return false;
  }
  return true;
}

// The first code point of a UTF-8 string.
char32_t FirstCodePoint(std::string_view s) {
  const auto b = static_cast<unsigned char>(s[0]);
  if (b < 0x80 || s.size() < 2) return b;
  if ((b & 0xE0) == 0xC0) return ((b & 0x1F) << 6) | (s[1] & 0x3F);
  if ((b & 0xF0) == 0xE0 && s.size() >= 3) {
    return ((b & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  }
  return 0x10000;
}

bool IsCjk(char32_t c) { return c >= 0x2E80; }

Status Length(const std::string& value, const std::string& field, std::size_t min,
              std::size_t max) {
  const std::size_t n = Utf8Length(value);
  if (n < min || n > max) {
    return InvalidField(field, "must be " + std::to_string(min) + " to " + std::to_string(max) +
                                   " characters long");
  }
  return Status::Ok();
}

Status Required(const std::string& value, const std::string& field) {
  if (Trim(value).empty()) return InvalidField(field, "is required");
  return Status::Ok();
}

}  // namespace

std::size_t Utf8Length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Status ValidateCompanyName(const std::string& raw, const std::string& field) {
  const std::string name = Trim(raw);
  if (name.empty()) return InvalidField(field, "is required");
  RETURN_IF_ERROR(Length(name, field, 2, 255));
  if (!HasWordCharacter(name)) {
    return InvalidField(field, "must contain letters or digits, not only special characters");
  }
  // "1 2 3", "a b c": single characters separated by spaces.
  if (name.find(' ') != std::string::npos) {
    bool all_single = true;
    std::size_t start = 0;
    while (all_single && start < name.size()) {
      const std::size_t end = std::min(name.find(' ', start), name.size());
      if (Utf8Length(name.substr(start, end - start)) > 1) all_single = false;
      start = end + 1;
    }
    if (all_single) {
      return InvalidField(field, "must be a company's legal name, not single characters");
    }
  }
  const std::string folded = FoldCase(name);
  std::string bare;
  for (char c : folded) {
    if (c != '.' && c != ',') bare.push_back(c);
  }
  for (std::string_view abbreviation : kBareAbbreviations) {
    if (bare == abbreviation) {
      return InvalidField(
          field, "must be a company's legal name, not only a legal form such as '" + name + "'");
    }
  }
  // "999", "aaaa": one character repeated.
  if (Utf8Length(name) >= 3 && name.find_first_not_of(name[0]) == std::string::npos) {
    return InvalidField(field, "must be a company's legal name, not one character repeated");
  }
  return Status::Ok();
}

Status ValidatePersonName(const std::string& raw, const std::string& field, bool required) {
  const std::string name = Trim(raw);
  if (name.empty()) return required ? InvalidField(field, "is required") : Status::Ok();
  RETURN_IF_ERROR(Length(name, field, 1, 40));
  if (Utf8Length(name) == 1 && !IsCjk(FirstCodePoint(name))) {
    return InvalidField(field, "must be more than one character");
  }
  const std::string folded = FoldCase(name);
  for (std::string_view placeholder : kPlaceholderNames) {
    if (folded == placeholder)
      return InvalidField(field, "must be a real name, not '" + name + "'");
  }
  if (OnlyDigitsAndSymbols(name)) return InvalidField(field, "must contain letters");
  return Status::Ok();
}

Status ValidateEmail(const std::string& raw, const std::string& field,
                     const std::string& partner_domain) {
  const std::string email = Trim(raw);
  if (email.empty()) return InvalidField(field, "is required");
  RETURN_IF_ERROR(Length(email, field, 3, 254));
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos ||
      email.find(' ') != std::string::npos) {
    return InvalidField(field, "must be an email address such as someone@example.com");
  }
  const std::string domain = ToLower(email.substr(at + 1));
  const auto dot = domain.find('.');
  if (dot == std::string::npos || dot == 0 || domain.back() == '.') {
    return InvalidField(field, "must be an email address such as someone@example.com");
  }
  if (domain == "microsoft.com") return InvalidField(field, "must not be a microsoft.com address");
  if (!partner_domain.empty() && domain == ToLower(partner_domain)) {
    return InvalidField(field, "must be the customer's address, not one of your own domain");
  }
  return Status::Ok();
}

Status ValidateAddress(const Address& a, const std::string& f) {
  if (!IsCountryCode(a.country)) {
    return InvalidField(f + ".country", "must be an ISO 3166 two-letter country code such as US");
  }
  RETURN_IF_ERROR(Required(a.address_line1, f + ".addressLine1"));
  RETURN_IF_ERROR(Length(a.address_line1, f + ".addressLine1", 1, 200));
  RETURN_IF_ERROR(Length(a.address_line2, f + ".addressLine2", 0, 200));
  RETURN_IF_ERROR(Required(a.city, f + ".city"));
  RETURN_IF_ERROR(Length(a.city, f + ".city", 1, 100));
  RETURN_IF_ERROR(Length(a.state, f + ".state", 0, 2));
  RETURN_IF_ERROR(Length(a.region, f + ".region", 0, 100));
  RETURN_IF_ERROR(Required(a.postal_code, f + ".postalCode"));
  RETURN_IF_ERROR(Length(a.postal_code, f + ".postalCode", 1, 20));
  RETURN_IF_ERROR(ValidatePersonName(a.first_name, f + ".firstName", false));
  RETURN_IF_ERROR(ValidatePersonName(a.middle_name, f + ".middleName", false));
  RETURN_IF_ERROR(ValidatePersonName(a.last_name, f + ".lastName", false));
  RETURN_IF_ERROR(Length(a.phone_number, f + ".phoneNumber", 0, 25));
  if (CountryRequiresPhone(a.country) && Trim(a.phone_number).empty()) {
    return InvalidField(f + ".phoneNumber", "is required for customers in " + a.country);
  }
  if (!a.phone_number.empty() &&
      a.phone_number.find_first_not_of("+0123456789 -().") != std::string::npos) {
    return InvalidField(f + ".phoneNumber", "may contain only digits, spaces and + - ( ) .");
  }
  return Status::Ok();
}

Status ValidateBillingProfile(const BillingProfile& b, const std::string& partner_domain) {
  RETURN_IF_ERROR(ValidateCompanyName(b.company_name, "billingProfile.companyName"));
  RETURN_IF_ERROR(ValidatePersonName(b.first_name, "billingProfile.firstName", true));
  RETURN_IF_ERROR(ValidatePersonName(b.last_name, "billingProfile.lastName", true));
  RETURN_IF_ERROR(ValidateEmail(b.email, "billingProfile.email", partner_domain));
  if (b.language.size() != 2 || !std::isalpha(static_cast<unsigned char>(b.language[0])) ||
      !std::isalpha(static_cast<unsigned char>(b.language[1]))) {
    return InvalidField("billingProfile.language", "must be a two-letter language code such as en");
  }
  const std::string& c = b.culture;
  if (c.size() != 5 || c[2] != '-' || !EqualsIgnoreCase(c.substr(0, 2), b.language) ||
      !std::isalpha(static_cast<unsigned char>(c[3])) ||
      !std::isalpha(static_cast<unsigned char>(c[4]))) {
    return InvalidField(
        "billingProfile.culture",
        "must be a culture such as en-US whose language is billingProfile.language");
  }
  return ValidateAddress(b.default_address, "billingProfile.defaultAddress");
}

Result<std::string> NormalizeCustomerDomain(const std::string& raw, const std::string& suffix) {
  const std::string field = "companyProfile.domain";
  std::string domain = ToLower(Trim(raw));
  if (domain.empty()) return InvalidField(field, "is required");
  std::string tail(1, '.');
  tail.append(ToLower(suffix));
  std::string prefix = domain;
  if (domain.size() > tail.size() &&
      domain.compare(domain.size() - tail.size(), tail.size(), tail) == 0) {
    prefix = domain.substr(0, domain.size() - tail.size());
  }
  const bool good_chars =
      prefix.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
  if (prefix.empty() || prefix.size() > 27 || !good_chars || prefix.front() == '-' ||
      prefix.back() == '-') {
    std::string problem = "must be <prefix>";
    problem.append(tail).append(
        " where the prefix is 1 to 27 letters or digits (hyphens allowed inside)");
    return InvalidField(field, problem);
  }
  prefix.append(tail);
  return prefix;
}

}  // namespace csphub::domain
