#pragma once
// The directory roles of a customer tenant (reference §4.3 DirectoryRole): the Entra ID role
// templates a partner manages for its customers, with their well-known template IDs.
#include <optional>
#include <string_view>
#include <vector>

namespace csphub::domain {

struct DirectoryRole {
  std::string_view id;  // the role template ID (a GUID)
  std::string_view name;
};

inline constexpr std::string_view kGlobalAdministratorRoleId =
    "62e90394-69f5-4237-9190-012177145e10";

// Every role a customer tenant has, Global Administrator first.
const std::vector<DirectoryRole>& DirectoryRoles();
// The role with this ID (any case), if it is one.
std::optional<DirectoryRole> FindDirectoryRole(std::string_view id);

}  // namespace csphub::domain
