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

}  // namespace csphub::storage
