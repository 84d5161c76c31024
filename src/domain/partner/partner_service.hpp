#pragma once
// The operator's side of partners: enroll, list, get, disable (issue 2).
#include <optional>
#include <string>
#include <vector>

#include "domain/call_context.hpp"
#include "domain/partner/partner.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

struct EnrollPartnerRequest {
  std::string name;
  std::string country;
  std::vector<std::string> programs;
  std::string mpn_id;
  std::string domain;  // optional: "<prefix>" or "<prefix>.<suffix>"; derived from the name
  // Fixed values for the deterministic demo data set; empty means "generate".
  std::string tenant_id;
  std::string admin_password;
};

struct EnrolledPartner {
  Partner partner;
  std::string admin_user_id;
  std::string admin_user_name;
  std::string admin_temporary_password;  // shown once, never stored in clear
};

class PartnerService {
 public:
  explicit PartnerService(ServiceDeps& deps) : deps_(deps) {}

  // Creates the partner tenant and its first Global admin, whose temporary password must be
  // changed at first sign-in. InvalidArgument names the bad field; AlreadyExists when the MPN
  // ID or domain is taken.
  Result<EnrolledPartner> Enroll(const CallContext& ctx, EnrollPartnerRequest request);
  Result<std::vector<Partner>> List(const CallContext& ctx, const std::optional<std::string>& after,
                                    int limit);
  Result<Partner> Get(const CallContext& ctx, const std::string& tenant_id);
  // A disabled partner's users and apps cannot sign in, and its tokens stop working.
  Result<Partner> SetDisabled(const CallContext& ctx, const std::string& tenant_id, bool disabled);
  // The caller's own partner (GET /v1/profiles/mpn without mpnId): its name and programs.
  Result<Partner> Own(const CallContext& ctx);
  // Any partner may resolve another by MPN ID (GET /v1/profiles/mpn).
  Result<Partner> GetByMpnId(const CallContext& ctx, const std::string& mpn_id);

 private:
  ServiceDeps& deps_;
};

// Shared checks (also used by customer creation later).
Status ValidateCountry(const std::string& field, const std::string& country);
Status ValidateDomainPrefix(const std::string& field, const std::string& prefix);

}  // namespace csphub::domain
