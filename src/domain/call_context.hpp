#pragma once
// Who is calling, on whose behalf, and under which request: the first argument of every
// service call (after Kill Bill's CallContext). The HTTP layer builds it from a verified token;
// the CLI builds an operator context of its own, so both obey the same rules.
#include <string>

#include "domain/identity/role.hpp"

namespace csphub::domain {

enum class PrincipalKind {
  kOperator,      // the vendor running the instance
  kPartnerUser,   // a partner's staff member (App+User token)
  kApp,           // a partner's app registration (App-only token)
  kCustomerUser,  // a user of a customer tenant
};

struct CallContext {
  PrincipalKind kind = PrincipalKind::kPartnerUser;
  std::string tenant_id;            // the caller's tenant (empty for the operator)
  std::string subject_id;           // user ID, client ID, or "operator"
  std::string user_principal_name;  // for the activity log
  std::string application_id;       // the app that obtained the token, if any
  RoleSet roles;
  // A customer user who holds the tenant's Global Administrator directory role (the only one
  // who may accept invitations or revoke delegated admin; reference §2.3 step 4).
  bool customer_global_admin = false;
  std::string request_id;      // MS-RequestId
  std::string correlation_id;  // MS-CorrelationId

  bool IsOperator() const { return kind == PrincipalKind::kOperator; }
  bool IsPartner() const {
    return kind == PrincipalKind::kPartnerUser || kind == PrincipalKind::kApp;
  }
  bool IsCustomerUser() const { return kind == PrincipalKind::kCustomerUser; }
};

}  // namespace csphub::domain
