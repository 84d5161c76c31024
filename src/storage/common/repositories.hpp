#pragma once
// The domain repositories on SQL, once for both backends: class templates over a backend's
// traits `B` (storage/sqlite/backend.hpp, storage/postgres/backend.hpp: its Connection,
// Statement and dialect). Each is bound to one Connection for the length of one transaction.
// The definitions are in storage/common/*_impl.hpp, instantiated for each backend by its
// storage/<backend>/*_repository.cpp; see docs/adr/0011-one-repository-layer.md.
#include "domain/store.hpp"

namespace csphub::storage {

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

}  // namespace csphub::storage
