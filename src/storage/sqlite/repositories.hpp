#pragma once
// SQLite implementations of the domain repositories, each bound to one Connection for the
// length of one transaction.
#include "domain/store.hpp"
#include "storage/common/repositories.hpp"
#include "storage/sqlite/backend.hpp"

namespace csphub::storage::sqlite {

class SqliteAuditRepository final : public domain::AuditRepository {
 public:
  explicit SqliteAuditRepository(Connection& c) : c_(c) {}
  Status Append(const domain::AuditRecord& record) override;
  Result<std::vector<domain::AuditRecord>> Query(const domain::AuditQuery& query) override;

 private:
  Connection& c_;
};

class SqliteCustomerRepository final : public domain::CustomerRepository {
 public:
  explicit SqliteCustomerRepository(Connection& c) : c_(c) {}
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

// The customer list's keyset query in `field`'s order (the one SqliteCustomerRepository::List
// runs; bench/sqlite_list.cpp runs it raw). ?1 partner, ?2 cursor key, ?3 cursor customer ID,
// ?4 limit, ?5 the end of the prefix range, ?6 cursor name key.
const char* CustomerListSql(domain::CustomerFilterField field);

class SqliteCustomerUserRepository final : public domain::CustomerUserRepository {
 public:
  explicit SqliteCustomerUserRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::CustomerUser& u) override;
  Status Update(const domain::CustomerUser& u) override;
  Result<domain::CustomerUser> Get(const std::string& customer_id, const std::string& id) override;
  Result<domain::CustomerUser> GetByPrincipalName(const std::string& upn) override;
  Result<std::vector<domain::CustomerUser>> List(const domain::CustomerUserQuery& q) override;
  Result<int> PurgeSoftDeleted(const std::string& customer_id, TimePoint cutoff) override;
  Status AddRoleMember(const std::string& customer_id, const std::string& role_id,
                       const std::string& user_id, TimePoint when) override;
  Status RemoveRoleMember(const std::string& customer_id, const std::string& role_id,
                          const std::string& user_id) override;
  Result<std::vector<domain::CustomerUser>> RoleMembers(const std::string& customer_id,
                                                        const std::string& role_id) override;
  Result<std::vector<std::string>> RolesOf(const std::string& customer_id,
                                           const std::string& user_id) override;
  Result<std::vector<domain::CustomerUser>> HoldersOf(const std::string& customer_id,
                                                      const std::string& sku_id) override;

 private:
  Connection& c_;
};

class SqliteLicenseRepository final : public domain::LicenseRepository {
 public:
  explicit SqliteLicenseRepository(Connection& c) : c_(c) {}
  Status Put(const domain::LicenseAssignment& a) override;
  Status Remove(const std::string& customer_id, const std::string& user_id,
                const std::string& sku_id) override;
  Status RemoveAllOf(const std::string& customer_id, const std::string& user_id) override;
  Result<std::vector<domain::LicenseAssignment>> ListForUser(const std::string& customer_id,
                                                             const std::string& user_id) override;
  Result<std::vector<std::pair<std::string, std::int64_t>>> ConsumedBySku(
      const std::string& customer_id) override;
  Result<std::int64_t> Consumed(const std::string& customer_id, const std::string& sku_id) override;

 private:
  Connection& c_;
};

class SqliteAgreementRepository final : public domain::AgreementRepository {
 public:
  explicit SqliteAgreementRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::Agreement& a) override;
  Result<std::vector<domain::Agreement>> ListForCustomer(
      const std::string& customer_id, const std::optional<domain::AgreementType>& type) override;
  Result<bool> Exists(const std::string& customer_id, domain::AgreementType type) override;

 private:
  Connection& c_;
};

class SqliteSelfServePolicyRepository final : public domain::SelfServePolicyRepository {
 public:
  explicit SqliteSelfServePolicyRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::SelfServePolicy& p) override;
  Result<domain::SelfServePolicy> Get(const std::string& grantor_tenant_id,
                                      const std::string& customer_id) override;
  Status Update(const domain::SelfServePolicy& p) override;
  Status Delete(const std::string& grantor_tenant_id, const std::string& customer_id) override;

 private:
  Connection& c_;
};

class SqliteCatalogRepository final : public domain::CatalogRepository {
 public:
  explicit SqliteCatalogRepository(Connection& c) : c_(c) {}
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

class SqliteOrderRepository final : public domain::OrderRepository {
 public:
  explicit SqliteOrderRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::Order& order) override;
  Result<domain::Order> Get(const std::string& customer_id, const std::string& order_id) override;
  Result<std::vector<domain::Order>> ListVisibleTo(const std::string& customer_id,
                                                   const std::string& partner) override;

 private:
  Connection& c_;
};

class SqliteSubscriptionRepository final : public domain::SubscriptionRepository {
 public:
  explicit SqliteSubscriptionRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::Subscription& s, const std::string& kind,
                const std::string& actor) override;
  Status Update(const domain::Subscription& s, std::int64_t expected_etag, const std::string& kind,
                const std::string& actor) override;
  Result<domain::Subscription> Get(const std::string& customer_id, const std::string& id) override;
  Result<std::vector<domain::Subscription>> List(const domain::SubscriptionQuery& q) override;
  Result<std::vector<domain::SubscriptionEvent>> Timeline(const std::string& customer_id,
                                                          const std::string& id) override;
  Result<domain::Subscription> GetAsOf(const std::string& customer_id, const std::string& id,
                                       TimePoint when) override;
  Result<std::int64_t> CountActive(const std::string& customer_id,
                                   const std::string& partner) override;

 private:
  Connection& c_;
};

class SqliteTransferRepository final : public domain::TransferRepository {
 public:
  explicit SqliteTransferRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::Transfer& t) override;
  Result<domain::Transfer> Get(const std::string& customer_id, const std::string& id) override;
  Result<std::vector<domain::Transfer>> ListFor(const std::string& customer_id,
                                                const std::string& partner) override;
  Result<domain::Transfer> GetHolding(const std::string& subscription_id) override;
  Status Update(const domain::Transfer& t, std::int64_t expected_etag) override;

 private:
  Connection& c_;
};

class SqliteUserImportJobRepository final : public domain::UserImportJobRepository {
 public:
  explicit SqliteUserImportJobRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::UserImportJob& job) override;
  Result<domain::UserImportJob> Get(const std::string& id) override;
  Status Update(const domain::UserImportJob& job) override;
  Result<std::vector<std::string>> Unfinished() override;
  Status InsertRow(const domain::UserImportRow& row) override;
  Result<std::vector<domain::UserImportRow>> PendingRows(const std::string& job_id,
                                                         std::int64_t after_row,
                                                         int limit) override;
  Result<std::vector<domain::UserImportRow>> Rows(const std::string& job_id, std::int64_t after_row,
                                                  int limit) override;
  Status MarkRow(const domain::UserImportRow& row) override;
  Result<std::optional<std::int64_t>> FirstRowWith(const std::string& job_id,
                                                   const std::string& upn_key) override;
  Status ErasePasswords(const std::string& job_id) override;

 private:
  Connection& c_;
};

class SqliteRepositories final : public domain::Repositories {
 public:
  explicit SqliteRepositories(Connection& c)
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
  SqliteAuditRepository audit_;
  SqlIdempotencyRepository<Backend> idempotency_;
  SqliteCustomerRepository customers_;
  SqliteCatalogRepository catalog_;
  SqliteCustomerUserRepository customer_users_;
  SqliteAgreementRepository agreements_;
  SqliteSelfServePolicyRepository self_serve_policies_;
  SqliteOrderRepository orders_;
  SqliteSubscriptionRepository subscriptions_;
  SqliteTransferRepository transfers_;
  SqliteLicenseRepository licenses_;
  SqlOneTimeDownloadRepository<Backend> downloads_;
  SqliteUserImportJobRepository user_imports_;
};

}  // namespace csphub::storage::sqlite
