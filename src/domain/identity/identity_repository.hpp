#pragma once
// Partner users and app registrations as the store keeps them (see PartnerRepository for the
// transaction and threading contract).
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "domain/identity/partner_user.hpp"

namespace csphub::domain {

class PartnerUserRepository {
 public:
  virtual ~PartnerUserRepository() = default;
  // AlreadyExists when the user principal name is taken.
  virtual Status Insert(const PartnerUser& user) = 0;
  // Writes every mutable field (names, roles, password, flags, updated_at).
  virtual Status Update(const PartnerUser& user) = 0;
  virtual Status Delete(const std::string& tenant_id, const std::string& user_id) = 0;
  virtual Result<PartnerUser> Get(const std::string& tenant_id, const std::string& user_id) = 0;
  virtual Result<PartnerUser> GetByPrincipalName(const std::string& upn) = 0;
  // The tenant's users ordered by user principal name.
  virtual Result<std::vector<PartnerUser>> List(const std::string& tenant_id) = 0;
  // Enabled users that hold `role`.
  virtual Result<int> CountWithRole(const std::string& tenant_id, Role role) = 0;
};

class AppRegistrationRepository {
 public:
  virtual ~AppRegistrationRepository() = default;
  virtual Status Insert(const AppRegistration& app) = 0;
  virtual Status Update(const AppRegistration& app) = 0;
  virtual Status Delete(const std::string& tenant_id, const std::string& client_id) = 0;
  // By client ID alone: the token endpoint knows no tenant until it has found the app.
  virtual Result<AppRegistration> Get(const std::string& client_id) = 0;
  virtual Result<std::vector<AppRegistration>> List(const std::string& tenant_id) = 0;
};

}  // namespace csphub::domain
