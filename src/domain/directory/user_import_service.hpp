#pragma once
// The portal's CSV upload of customer users (reference §2.9; issue 5 "Bulk"): up to 100 rows,
// one usage location for the file, then a one-time download of the temporary passwords.
#include <string>
#include <string_view>

#include "domain/call_context.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

// The temporary passwords wait this long for their one download [impl].
inline constexpr std::chrono::hours kPasswordDownloadTtl{24};

struct PortalImportResult {
  std::string csv;  // the uploaded file with "Status update" filled per row
  int created = 0;
  int failed = 0;
  // Redeems the one download of "userPrincipalName,temporaryPassword" lines (TakePasswords);
  // empty when no user was created.
  std::string passwords_token;
};

class UserImportService {
 public:
  UserImportService(ServiceDeps& deps, const SecretSealer& sealer) : deps_(deps), sealer_(sealer) {}

  // Errors: 403 900150 (Global admin only); 404 / 403 700213 without delegated admin; 400
  // usageLocation; 400 700302 for a structure problem (nothing is imported). Otherwise each
  // valid row becomes a user (forced password change at first sign-in) and each invalid one
  // says why in its Status update; the users, their audit records and the sealed passwords
  // commit in one transaction.
  Result<PortalImportResult> ImportPortalCsv(const CallContext& ctx, const std::string& customer_id,
                                             const std::string& usage_location,
                                             std::string_view csv);

  // The passwords CSV of an import by this partner, once: the read deletes it. 404 (700303)
  // when unknown, already taken or expired.
  Result<std::string> TakePasswords(const CallContext& ctx, const std::string& token);

 private:
  ServiceDeps& deps_;
  const SecretSealer& sealer_;
};

// The one-time download's lookup scope: the sealer keys both the ID and the content on it.
std::string PasswordDownloadScope(const std::string& token);

}  // namespace csphub::domain
