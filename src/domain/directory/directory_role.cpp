#include "domain/directory/directory_role.hpp"

#include "common/ids.hpp"

namespace csphub::domain {

const std::vector<DirectoryRole>& DirectoryRoles() {
  static const std::vector<DirectoryRole> kRoles = {
      {kGlobalAdministratorRoleId, "Company Administrator"},
      {"fe930be7-5e62-47db-91af-98c3a49a38b1", "User Account Administrator"},
      {"729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator"},
      {"b0f54661-2d74-4c50-afa3-1ec803f12efe", "Billing Administrator"},
      {"4d6ac14f-3453-41d0-bef9-a3e0c569773a", "License Administrator"},
      {"f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader"},
  };
  return kRoles;
}

std::optional<DirectoryRole> FindDirectoryRole(std::string_view id) {
  for (const DirectoryRole& r : DirectoryRoles()) {
    if (EqualsIgnoreCase(r.id, id)) return r;
  }
  return std::nullopt;
}

}  // namespace csphub::domain
