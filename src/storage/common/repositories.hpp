#pragma once
// The domain repositories on SQL, once for both backends: class templates over a backend `B`,
// an SqlBackend (below; storage/sqlite/repositories.hpp, storage/postgres/repositories.hpp).
// Each is bound to one Connection for the length of one transaction. The definitions are in
// storage/common/*_impl.hpp, instantiated for each backend by its storage/<backend>/*.cpp
// files; see docs/adr/0011-one-repository-layer.md.
#include <span>

#include "domain/store.hpp"

namespace csphub::storage {

// What a repository needs of a backend: its Connection (Prepare), its Statement (Bind, Step,
// Run, Changes, Text, Int, ...) and its dialect's pieces of SQL (storage/common/dialect.hpp).
template <typename ConnectionType, typename StatementType, typename Dialect>
struct SqlBackend : Dialect {
  using Connection = ConnectionType;
  using Statement = StatementType;
};

template <typename B>
class SqlPartnerRepository final : public domain::PartnerRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlPartnerRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::Partner& partner) override;
  Result<domain::Partner> Get(const std::string& tenant_id) override;
  Result<domain::Partner> GetByDomain(const std::string& domain) override;
  Result<domain::Partner> GetByMpnId(const std::string& mpn_id) override;
  Result<std::vector<domain::Partner>> List(const std::optional<std::string>& after,
                                            int limit) override;
  Status SetDisabled(const std::string& tenant_id, bool disabled) override;

 private:
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlPartnerUserRepository final : public domain::PartnerUserRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlPartnerUserRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::PartnerUser& user) override;
  Status Update(const domain::PartnerUser& user) override;
  Status Delete(const std::string& tenant_id, const std::string& user_id) override;
  Result<domain::PartnerUser> Get(const std::string& tenant_id, const std::string& id) override;
  Result<domain::PartnerUser> GetByPrincipalName(const std::string& upn) override;
  Result<std::vector<domain::PartnerUser>> List(const std::string& tenant_id) override;
  Result<int> CountWithRole(const std::string& tenant_id, domain::Role role) override;

 private:
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlAppRegistrationRepository final : public domain::AppRegistrationRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlAppRegistrationRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::AppRegistration& app) override;
  Status Update(const domain::AppRegistration& app) override;
  Status Delete(const std::string& tenant_id, const std::string& client_id) override;
  Result<domain::AppRegistration> Get(const std::string& client_id) override;
  Result<std::vector<domain::AppRegistration>> List(const std::string& tenant_id) override;

 private:
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlPartnershipRepository final : public domain::PartnershipRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlPartnershipRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::Partnership& p) override;
  Status Delete(const std::string& provider, const std::string& reseller) override;
  Result<bool> Exists(const std::string& provider, const std::string& reseller) override;
  Result<std::vector<domain::Partnership>> ListResellersOf(const std::string& provider) override;
  Result<std::vector<domain::Partnership>> ListProvidersOf(const std::string& reseller) override;
  Status InsertInvitation(const domain::PartnershipInvitation& inv) override;
  Result<domain::PartnershipInvitation> GetInvitationByTokenHash(const std::string& hash) override;
  Result<std::vector<domain::PartnershipInvitation>> ListInvitations(
      const std::string& provider) override;
  Status RevokeInvitation(const std::string& provider, const std::string& id,
                          TimePoint when) override;

 private:
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlAuditRepository final : public domain::AuditRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlAuditRepository(Connection& c) : c_(c) {}
  Status Append(const domain::AuditRecord& record) override;
  Result<std::vector<domain::AuditRecord>> Query(const domain::AuditQuery& query) override;

 private:
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlIdempotencyRepository final : public domain::IdempotencyRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlIdempotencyRepository(Connection& c) : c_(c) {}
  Result<domain::IdempotencyRecord> Get(const std::string& lookup_id) override;
  Status Put(const domain::IdempotencyRecord& record) override;
  Result<int> PurgeBefore(TimePoint cutoff, int limit) override;

 private:
  using Statement = typename B::Statement;
  Connection& c_;
};

// The columns of a customer list row (SqlCustomerRepository::ListSql), in this order, all text:
// a domain::CustomerSummary. List() reads them by these indexes, and so do the raw baselines
// (bench/sqlite_list.cpp, bench/pg_list.cpp), so that they read what csphub reads.
struct CustomerListColumn {
  static constexpr int kId = 0;
  static constexpr int kCommerceId = 1;
  static constexpr int kDomain = 2;
  static constexpr int kCompanyName = 3;
  static constexpr int kIndirectReseller = 4;
  static constexpr int kIndirectProvider = 5;
  static constexpr int kCount = 6;
};

template <typename B>
class SqlCustomerRepository final : public domain::CustomerRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlCustomerRepository(Connection& c) : c_(c) {}
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
  Result<domain::CustomerSummaries> List(const domain::CustomerListQuery& q) override;
  Status GrantDelegatedAdmin(const std::string& partner, const std::string& customer,
                             TimePoint when) override;
  Status RevokeDelegatedAdmin(const std::string& partner, const std::string& customer) override;
  Result<bool> HasDelegatedAdmin(const std::string& partner, const std::string& customer) override;
  Result<std::vector<std::string>> DelegatedAdminPartnersOf(const std::string& customer) override;

  // The customer list's keyset query in `field`'s order (the one List() runs;
  // bench/sqlite_list.cpp and bench/pg_list.cpp run it raw). ?1 partner, ?2 cursor key,
  // ?3 cursor customer ID, ?4 limit, ?5 the end of the prefix range, ?6 cursor name key.
  // Its rows are CustomerListColumn's columns.
  static const char* ListSql(domain::CustomerFilterField field);
  // The one statement of GetRelated() (?1 partner, ?2 customer), for the raw baseline of
  // GET /v1/customers/{id} (bench/pg_get.cpp).
  static const char* GetRelatedSql();

  // Loading many customers into a fresh database (bench/seed_customers.cpp): the rows that
  // Insert() (domain claims, customers), InsertRelationship() and GrantDelegatedAdmin() write,
  // kBulkRows to a statement (their own INSERTs with the VALUES tuple repeated: RepeatValues),
  // and without InsertRelationship()'s reads: the caller has each customer at hand, as inserted,
  // and a fresh database has no former relationship to forget. One statement per row spent
  // more time starting and finishing statements than writing rows (docs/bench-results.md).
  // tests/storage/customer_bulk_test.cpp checks the rows are the repository's.
  static constexpr int kBulkRows = 100;
  struct BulkRelationship {
    domain::CustomerRelationship relationship;
    const domain::Customer* customer;  // as inserted: InsertRelationship() reads it back
  };
  static Status BulkInsert(Connection& c, std::span<const domain::Customer> customers);
  static Status BulkInsertRelationships(Connection& c, std::span<const BulkRelationship> rows);
  // The grant CustomerService::Create gives with each relationship it creates:
  // GrantDelegatedAdmin(partner, customer, relationship's created_at) for each row.
  static Status BulkGrantDelegatedAdmin(Connection& c, std::span<const BulkRelationship> rows);

 private:
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlCustomerUserRepository final : public domain::CustomerUserRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlCustomerUserRepository(Connection& c) : c_(c) {}
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
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlLicenseRepository final : public domain::LicenseRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlLicenseRepository(Connection& c) : c_(c) {}
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
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlAgreementRepository final : public domain::AgreementRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlAgreementRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::Agreement& a) override;
  Result<std::vector<domain::Agreement>> ListForCustomer(
      const std::string& customer_id, const std::optional<domain::AgreementType>& type) override;
  Result<bool> Exists(const std::string& customer_id, domain::AgreementType type) override;

 private:
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlSelfServePolicyRepository final : public domain::SelfServePolicyRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlSelfServePolicyRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::SelfServePolicy& p) override;
  Result<domain::SelfServePolicy> Get(const std::string& grantor_tenant_id,
                                      const std::string& customer_id) override;
  Status Update(const domain::SelfServePolicy& p) override;
  Status Delete(const std::string& grantor_tenant_id, const std::string& customer_id) override;

 private:
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlCatalogRepository final : public domain::CatalogRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlCatalogRepository(Connection& c) : c_(c) {}
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
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlOrderRepository final : public domain::OrderRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlOrderRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::Order& order) override;
  Result<domain::Order> Get(const std::string& customer_id, const std::string& order_id) override;
  Result<std::vector<domain::Order>> ListVisibleTo(const std::string& customer_id,
                                                   const std::string& partner) override;

 private:
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlSubscriptionRepository final : public domain::SubscriptionRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlSubscriptionRepository(Connection& c) : c_(c) {}
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
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlTransferRepository final : public domain::TransferRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlTransferRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::Transfer& t) override;
  Result<domain::Transfer> Get(const std::string& customer_id, const std::string& id) override;
  Result<std::vector<domain::Transfer>> ListFor(const std::string& customer_id,
                                                const std::string& partner) override;
  Result<domain::Transfer> GetHolding(const std::string& subscription_id) override;
  Status Update(const domain::Transfer& t, std::int64_t expected_etag) override;

 private:
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlOneTimeDownloadRepository final : public domain::OneTimeDownloadRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlOneTimeDownloadRepository(Connection& c) : c_(c) {}
  Status Insert(const domain::OneTimeDownload& d) override;
  Result<domain::OneTimeDownload> Take(const std::string& id) override;
  Result<int> PurgeExpired(TimePoint now) override;

 private:
  using Statement = typename B::Statement;
  Connection& c_;
};

template <typename B>
class SqlUserImportJobRepository final : public domain::UserImportJobRepository {
 public:
  using Connection = typename B::Connection;
  explicit SqlUserImportJobRepository(Connection& c) : c_(c) {}
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
  using Statement = typename B::Statement;
  Connection& c_;
};

// Every repository on one connection: what a store hands to a unit of work (domain/store.hpp).
template <typename B>
class SqlRepositories final : public domain::Repositories {
 public:
  using Connection = typename B::Connection;
  explicit SqlRepositories(Connection& c)
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
  Result<std::string> GetSetting(const std::string& key) override {
    Statement s = c_.Prepare(kGetSetting);
    s.Bind(1, key);
    if (s.Step()) return s.Text(0);
    RETURN_IF_ERROR(s.status());
    return NotFound("No such setting.");
  }
  Status PutSetting(const std::string& key, const std::string& value) override {
    Statement s = c_.Prepare(kPutSetting);
    s.Bind(1, key).Bind(2, value);
    return s.Run();
  }

 private:
  using Statement = typename B::Statement;
  static constexpr char kGetSetting[] = "SELECT value FROM settings WHERE key=?";
  static constexpr char kPutSetting[] =
      "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET "
      "value=excluded.value";

  Connection& c_;
  SqlPartnerRepository<B> partners_;
  SqlPartnerUserRepository<B> users_;
  SqlAppRegistrationRepository<B> apps_;
  SqlPartnershipRepository<B> partnerships_;
  SqlAuditRepository<B> audit_;
  SqlIdempotencyRepository<B> idempotency_;
  SqlCustomerRepository<B> customers_;
  SqlCatalogRepository<B> catalog_;
  SqlCustomerUserRepository<B> customer_users_;
  SqlAgreementRepository<B> agreements_;
  SqlSelfServePolicyRepository<B> self_serve_policies_;
  SqlOrderRepository<B> orders_;
  SqlSubscriptionRepository<B> subscriptions_;
  SqlTransferRepository<B> transfers_;
  SqlLicenseRepository<B> licenses_;
  SqlOneTimeDownloadRepository<B> downloads_;
  SqlUserImportJobRepository<B> user_imports_;
};

}  // namespace csphub::storage
