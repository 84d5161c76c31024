#pragma once
// The one composition root: config → store → services → router → server. The CLI and the
// tests build the server through here, so they run exactly what production runs.
#include <cstdint>
#include <memory>

#include "api/services.hpp"
#include "app/config.hpp"
#include "auth/response_sealer.hpp"
#include "auth/sodium_credentials.hpp"
#include "auth/token_service.hpp"
#include "common/clock.hpp"
#include "common/ids.hpp"
#include "domain/service_deps.hpp"
#include "http/server.hpp"

namespace csphub::app {

class Application {
 public:
  // Opens (and migrates) the store and builds every service. `clock` and `ids` may be injected
  // by tests; by default the system clock and random GUIDs are used.
  static Result<std::unique_ptr<Application>> Create(const Config& config,
                                                     std::unique_ptr<Clock> clock = nullptr,
                                                     std::unique_ptr<IdGenerator> ids = nullptr);
  ~Application();

  // Starts the HTTP server; returns the bound port.
  Result<std::uint16_t> Start();
  void Stop();
  void WaitForStopSignal();

  domain::Store& store() { return *store_; }
  domain::ServiceDeps& deps() { return *deps_; }
  api::Services& services() { return *services_; }
  domain::PartnerService& partners() { return *partners_; }
  domain::IdentityService& identity() { return *identity_; }
  domain::PartnershipService& partnerships() { return *partnerships_; }
  domain::CustomerService& customers() { return *customers_; }
  domain::CatalogService& catalog() { return *catalog_; }
  domain::AgreementService& agreements() { return *agreements_; }
  domain::OrderService& orders() { return *orders_; }
  domain::SubscriptionService& subscriptions() { return *subscriptions_; }
  domain::TransferService& transfers() { return *transfers_; }
  domain::CustomerUserService& customer_users() { return *customer_users_; }
  domain::LicenseService& licenses() { return *licenses_; }
  const Config& config() const { return config_; }

 private:
  Application() = default;
  Config config_;
  std::unique_ptr<Clock> clock_;
  std::unique_ptr<IdGenerator> ids_;
  std::unique_ptr<domain::Store> store_;
  std::unique_ptr<auth::Argon2idHasher> hasher_;
  std::unique_ptr<auth::SodiumSecretFactory> secrets_;
  std::unique_ptr<domain::ServiceDeps> deps_;
  std::unique_ptr<domain::PartnerService> partners_;
  std::unique_ptr<domain::IdentityService> identity_;
  std::unique_ptr<domain::PartnershipService> partnerships_;
  std::unique_ptr<domain::AuditService> audit_;
  std::unique_ptr<domain::CustomerService> customers_;
  std::unique_ptr<domain::CustomerInvitationService> customer_invitations_;
  std::unique_ptr<domain::CatalogService> catalog_;
  std::unique_ptr<domain::AgreementService> agreements_;
  std::unique_ptr<domain::SelfServePolicyService> self_serve_policies_;
  std::unique_ptr<domain::OrderService> orders_;
  std::unique_ptr<domain::SubscriptionService> subscriptions_;
  std::unique_ptr<domain::TransferService> transfers_;
  std::unique_ptr<domain::CustomerUserService> customer_users_;
  std::unique_ptr<domain::LicenseService> licenses_;
  std::unique_ptr<auth::TokenService> tokens_;
  std::unique_ptr<auth::ResponseSealer> sealer_;
  std::unique_ptr<api::Services> services_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace csphub::app
