#pragma once
// PostgreSQL implementations of the domain repositories, each bound to one Connection for the
// length of one transaction.
#include "domain/store.hpp"
#include "storage/common/repositories.hpp"
#include "storage/postgres/backend.hpp"

namespace csphub::storage::postgres {

class PgCustomerRepository final : public domain::CustomerRepository {
 public:
  explicit PgCustomerRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::Customer& c) override;
  Result<domain::Customer> Get(const std::string& customer_id) override;
  Status UpdateBilling(const domain::Customer& c) override;
  Result<bool> DomainTaken(const std::string& domain) override;
  Result<std::string> CustomerIdByDomain(const std::string& domain) override;
  Status InsertRelationship(const domain::CustomerRelationship& r) override;
  Result<domain::CustomerRelationship> GetRelationship(const std::string& partner,
                                                       const std::string& customer) override;
  Status RemoveRelationship(const std::string& partner, const std::string& customer,
                            TimePoint when) override;
  Result<domain::RelatedCustomer> GetRelated(const std::string& partner,
                                             const std::string& customer) override;
  Result<bool> HadRelationship(const std::string& partner, const std::string& customer) override;
  Result<std::vector<domain::CustomerRelationship>> RelationshipsOf(
      const std::string& customer) override;
  Result<std::vector<domain::CustomerView>> List(const domain::CustomerListQuery& q) override;
  Status GrantDelegatedAdmin(const std::string& partner, const std::string& customer,
                             TimePoint when) override;
  Status RevokeDelegatedAdmin(const std::string& partner, const std::string& customer) override;
  Result<bool> HasDelegatedAdmin(const std::string& partner, const std::string& customer) override;
  Result<std::vector<std::string>> DelegatedAdminPartnersOf(const std::string& customer) override;

 private:
  Connection& c_;
};

// The customer list's keyset query in `field`'s order (the one PgCustomerRepository::List
// runs). ?1 partner, ?2 cursor key, ?3 cursor customer ID,
// ?4 limit, ?5 the end of the prefix range, ?6 cursor name key.
const char* CustomerListSql(domain::CustomerFilterField field);

class PgCatalogRepository final : public domain::CatalogRepository {
 public:
  explicit PgCatalogRepository(Connection& c) : c_(c) {}
  Result<domain::CatalogVersion> CurrentVersion() override;
  Status Replace(const domain::Catalog& catalog, const domain::CatalogVersion& version) override;
  Result<domain::Catalog> Load() override;
  Result<domain::CatalogCountry> GetCountry(const std::string& country) override;
  Result<std::vector<domain::Offer>> ListOffers(const std::string& country) override;
  Result<domain::Offer> GetOffer(const std::string& id) override;
  Result<std::vector<domain::Product>> ListProducts(const domain::ProductQuery& q) override;
  Result<domain::Product> GetProduct(const std::string& id) override;
  Result<std::vector<domain::Sku>> ListSkus(const std::string& product_id,
                                            const std::string& country) override;
  Result<domain::Sku> GetSku(const std::string& product_id, const std::string& sku_id) override;
  Result<std::vector<domain::Availability>> ListAvailabilities(const std::string& product_id,
                                                               const std::string& sku_id,
                                                               const std::string& country) override;
  Result<domain::Availability> GetAvailability(const std::string& product_id,
                                               const std::string& sku_id,
                                               const std::string& id) override;

 private:
  Connection& c_;
};

class PgRepositories final : public domain::Repositories {
 public:
  explicit PgRepositories(Connection& c)
      : c_(c),
        partners_(c),
        users_(c),
        apps_(c),
        partnerships_(c),
        audit_(c),
        idempotency_(c),
        customers_(c),
        catalog_(c),
        customer_users_(c),
        agreements_(c),
        self_serve_policies_(c),
        orders_(c),
        subscriptions_(c),
        transfers_(c),
        licenses_(c),
        downloads_(c),
        user_imports_(c) {}
  domain::PartnerRepository& Partners() override { return partners_; }
  domain::PartnerUserRepository& PartnerUsers() override { return users_; }
  domain::AppRegistrationRepository& Apps() override { return apps_; }
  domain::PartnershipRepository& Partnerships() override { return partnerships_; }
  domain::AuditRepository& Audit() override { return audit_; }
  domain::IdempotencyRepository& Idempotency() override { return idempotency_; }
  domain::CustomerRepository& Customers() override { return customers_; }
  domain::CatalogRepository& Catalog() override { return catalog_; }
  domain::CustomerUserRepository& CustomerUsers() override { return customer_users_; }
  domain::AgreementRepository& Agreements() override { return agreements_; }
  domain::SelfServePolicyRepository& SelfServePolicies() override { return self_serve_policies_; }
  domain::OrderRepository& Orders() override { return orders_; }
  domain::SubscriptionRepository& Subscriptions() override { return subscriptions_; }
  domain::TransferRepository& Transfers() override { return transfers_; }
  domain::LicenseRepository& Licenses() override { return licenses_; }
  domain::OneTimeDownloadRepository& Downloads() override { return downloads_; }
  domain::UserImportJobRepository& UserImports() override { return user_imports_; }
  Result<std::string> GetSetting(const std::string& key) override;
  Status PutSetting(const std::string& key, const std::string& value) override;

 private:
  Connection& c_;
  SqlPartnerRepository<Backend> partners_;
  SqlPartnerUserRepository<Backend> users_;
  SqlAppRegistrationRepository<Backend> apps_;
  SqlPartnershipRepository<Backend> partnerships_;
  SqlAuditRepository<Backend> audit_;
  SqlIdempotencyRepository<Backend> idempotency_;
  PgCustomerRepository customers_;
  PgCatalogRepository catalog_;
  SqlCustomerUserRepository<Backend> customer_users_;
  SqlAgreementRepository<Backend> agreements_;
  SqlSelfServePolicyRepository<Backend> self_serve_policies_;
  SqlOrderRepository<Backend> orders_;
  SqlSubscriptionRepository<Backend> subscriptions_;
  SqlTransferRepository<Backend> transfers_;
  SqlLicenseRepository<Backend> licenses_;
  SqlOneTimeDownloadRepository<Backend> downloads_;
  SqlUserImportJobRepository<Backend> user_imports_;
};

}  // namespace csphub::storage::postgres
