#include "domain/directory/customer_user_rules.hpp"

#include "common/ids.hpp"
#include "domain/customer/customer_validation.hpp"

namespace csphub::domain {

Result<std::string> ValidUserPrincipalName(const std::string& upn, const Customer& customer,
                                           const std::string& field) {
  const std::string name = ToLower(Trim(upn));
  if (name.empty()) return InvalidField(field, "is required");
  const auto at = name.find('@');
  if (at == std::string::npos || name.find('@', at + 1) != std::string::npos) {
    return InvalidField(field, "must look like name@" + customer.domain);
  }
  const std::string local = name.substr(0, at);
  if (name.substr(at + 1) != customer.domain) {
    return InvalidField(field,
                        "must be on one of the customer's domains (" + customer.domain + ")");
  }
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string::npos ||
      local.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-_'") != std::string::npos) {
    return InvalidField(field,
                        "must have a name of 1 to 64 letters, digits and . - _ ' before the @ "
                        "(no leading, trailing or double dot)");
  }
  return name;
}

Status ValidateUserNames(const std::string& display_name, const std::string& first_name,
                         const std::string& last_name, const std::string& prefix) {
  if (display_name.empty()) return InvalidField(prefix + "displayName", "is required");
  if (Utf8Length(display_name) > 256) {
    return InvalidField(prefix + "displayName", "may have at most 256 characters");
  }
  if (Utf8Length(first_name) > 64) {
    return InvalidField(prefix + "firstName", "may have at most 64 characters");
  }
  if (Utf8Length(last_name) > 64) {
    return InvalidField(prefix + "lastName", "may have at most 64 characters");
  }
  for (const std::string* s : {&display_name, &first_name, &last_name}) {
    for (unsigned char c : *s) {
      if (c < 0x20 || c == 0x7f) {
        return InvalidField(prefix + (s == &display_name ? "displayName"
                                      : s == &first_name ? "firstName"
                                                         : "lastName"),
                            "cannot contain control characters");
      }
    }
  }
  return Status::Ok();
}

Result<std::string> ValidUsageLocation(const std::string& code, bool may_be_empty,
                                       const std::string& field) {
  std::string c = Trim(code);
  for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (c.empty()) {
    if (may_be_empty) return c;
    return InvalidField(field, "is required");
  }
  if (!IsCountryCode(c)) return InvalidField(field, "must be an ISO 3166 country code such as US");
  return c;
}

}  // namespace csphub::domain
