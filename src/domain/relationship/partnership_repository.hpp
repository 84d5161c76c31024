#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "domain/relationship/partnership.hpp"

namespace csphub::domain {

class PartnershipRepository {
 public:
  virtual ~PartnershipRepository() = default;
  // AlreadyExists when the pair is already partnered.
  virtual Status Insert(const Partnership& p) = 0;
  // NotFound when the pair is not partnered.
  virtual Status Delete(const std::string& provider_tenant_id,
                        const std::string& reseller_tenant_id) = 0;
  virtual Result<bool> Exists(const std::string& provider_tenant_id,
                              const std::string& reseller_tenant_id) = 0;
  virtual Result<std::vector<Partnership>> ListResellersOf(const std::string& provider) = 0;
  virtual Result<std::vector<Partnership>> ListProvidersOf(const std::string& reseller) = 0;

  virtual Status InsertInvitation(const PartnershipInvitation& inv) = 0;
  virtual Result<PartnershipInvitation> GetInvitationByTokenHash(const std::string& hash) = 0;
  virtual Result<std::vector<PartnershipInvitation>> ListInvitations(
      const std::string& provider_tenant_id) = 0;
  virtual Status RevokeInvitation(const std::string& provider_tenant_id, const std::string& id,
                                  TimePoint when) = 0;
};

}  // namespace csphub::domain
