#include "domain/identity/role.hpp"

#include <array>
#include <cctype>

namespace csphub::domain {
namespace {

struct RoleNames {
  Role role;
  std::string_view wire;
  std::string_view display;
};
constexpr std::array<RoleNames, kRoleCount> kRoles{{
    {Role::kGlobalAdmin, "GlobalAdmin", "Global admin"},
    {Role::kAdminAgent, "AdminAgent", "Admin agent"},
    {Role::kSalesAgent, "SalesAgent", "Sales agent"},
    {Role::kHelpdeskAgent, "HelpdeskAgent", "Helpdesk agent"},
    {Role::kUserManagementAdmin, "UserManagementAdmin", "User management admin"},
    {Role::kBillingAdmin, "BillingAdmin", "Billing admin"},
}};

std::string Squash(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '_' || c == '-') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace

std::vector<Role> RoleSet::ToVector() const {
  std::vector<Role> out;
  for (const auto& r : kRoles) {
    if (Has(r.role)) out.push_back(r.role);
  }
  return out;
}

std::string_view RoleName(Role r) { return kRoles[static_cast<size_t>(r)].wire; }
std::string_view RoleDisplayName(Role r) { return kRoles[static_cast<size_t>(r)].display; }

std::optional<Role> ParseRole(std::string_view text) {
  const std::string key = Squash(text);
  for (const auto& r : kRoles) {
    if (Squash(r.wire) == key) return r.role;
  }
  return std::nullopt;
}

std::string DescribeRoles(RoleSet roles) {
  std::string out;
  const auto list = roles.ToVector();
  for (size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += (i + 1 == list.size()) ? " or " : ", ";
    out += RoleDisplayName(list[i]);
  }
  return out;
}

}  // namespace csphub::domain
