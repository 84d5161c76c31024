#pragma once
// What the API handlers call: the domain services and the token service, owned by app/.
#include "auth/token_service.hpp"
#include "domain/audit/audit_service.hpp"
#include "domain/catalog/catalog_service.hpp"
#include "domain/commerce/order_service.hpp"
#include "domain/commerce/subscription_service.hpp"
#include "domain/commerce/transfer_service.hpp"
#include "domain/customer/agreement_service.hpp"
#include "domain/customer/customer_invitation_service.hpp"
#include "domain/customer/customer_service.hpp"
#include "domain/customer/self_serve_policy_service.hpp"
#include "domain/directory/customer_user_service.hpp"
#include "domain/directory/license_service.hpp"
#include "domain/directory/user_import_job_service.hpp"
#include "domain/directory/user_import_service.hpp"
#include "domain/directory/user_import_worker.hpp"
#include "domain/identity/identity_service.hpp"
#include "domain/partner/partner_service.hpp"
#include "domain/relationship/partnership_service.hpp"
#include "domain/store.hpp"

namespace csphub::api {

struct Services {
  domain::Store& store;
  domain::PartnerService& partners;
  domain::IdentityService& identity;
  domain::PartnershipService& partnerships;
  domain::AuditService& audit;
  domain::CustomerService& customers;
  const auth::TokenService& tokens;
  domain::CustomerInvitationService& customer_invitations;
  domain::AgreementService& agreements;
  domain::SelfServePolicyService& self_serve_policies;
  domain::CatalogService& catalog;
  domain::OrderService& orders;
  domain::SubscriptionService& subscriptions;
  domain::TransferService& transfers;
  domain::CustomerUserService& customer_users;
  domain::LicenseService& licenses;
  domain::UserImportService& user_imports;
  domain::UserImportJobService& import_jobs;
  // The portal's session cookie gets `Secure`: the server is reached over TLS (public_url).
  bool secure_cookies = false;
};

}  // namespace csphub::api
