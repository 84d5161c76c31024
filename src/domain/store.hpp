#pragma once
// The storage contract of the domain. A Store runs a function inside one transaction and hands
// it the repositories bound to that transaction:
//  - Write(): one read-write transaction. Commits when the function returns OK, rolls back
//    otherwise; OK from Write() means the commit is durable (it survives a crash or power loss).
//    Writes are serialized.
//  - Read(): a consistent snapshot; repositories reject writes. Reads run concurrently with
//    each other and with the writer.
//  - Nesting: Write() or Read() called while the same thread is inside a Write() joins that
//    transaction as a nested unit (a savepoint): a failed nested unit is undone alone, and
//    nothing is durable until the outermost Write() commits. Read() inside Read() joins too;
//    Write() inside Read() is an error.
//  - ReadOnce(): a read made of exactly one query, run without a transaction of its own (no
//    BEGIN/COMMIT): one statement already sees one snapshot, so it is as consistent as Read()
//    and costs the database one command instead of three. The unit may prepare one statement,
//    and only a query: a second statement, or a write, is a bug and fails the unit with
//    Internal (in every build, before the statement runs). Inside a Write() or Read() it joins
//    that transaction like Read(); any Read()/Write()/ReadOnce() inside it is an error.
//    Use it when the work is one repository call known to be one statement (GetRelated, the
//    customer list, a partner lookup); a read of two or more needs Read().
// All are thread-safe. Implementations: storage/sqlite, storage/postgres.
#include <functional>

#include "common/status.hpp"
#include "domain/audit/audit_repository.hpp"
#include "domain/catalog/catalog_repository.hpp"
#include "domain/commerce/commerce_repositories.hpp"
#include "domain/customer/agreement_repository.hpp"
#include "domain/customer/customer_repository.hpp"
#include "domain/customer/self_serve_policy_repository.hpp"
#include "domain/directory/license_repository.hpp"
#include "domain/directory/one_time_download_repository.hpp"
#include "domain/directory/user_import_job.hpp"
#include "domain/idempotency/idempotency_repository.hpp"
#include "domain/identity/identity_repository.hpp"
#include "domain/partner/partner_repository.hpp"
#include "domain/relationship/partnership_repository.hpp"

namespace csphub::domain {

class Repositories {
 public:
  virtual ~Repositories() = default;
  virtual PartnerRepository& Partners() = 0;
  virtual PartnerUserRepository& PartnerUsers() = 0;
  virtual AppRegistrationRepository& Apps() = 0;
  virtual PartnershipRepository& Partnerships() = 0;
  virtual AuditRepository& Audit() = 0;
  virtual IdempotencyRepository& Idempotency() = 0;
  virtual CustomerRepository& Customers() = 0;
  virtual CustomerUserRepository& CustomerUsers() = 0;
  virtual CatalogRepository& Catalog() = 0;
  virtual AgreementRepository& Agreements() = 0;
  virtual SelfServePolicyRepository& SelfServePolicies() = 0;
  virtual OrderRepository& Orders() = 0;
  virtual SubscriptionRepository& Subscriptions() = 0;
  virtual TransferRepository& Transfers() = 0;
  virtual LicenseRepository& Licenses() = 0;
  virtual OneTimeDownloadRepository& Downloads() = 0;
  virtual UserImportJobRepository& UserImports() = 0;
  // Instance-wide settings (the operator's credential hash, the token signing key, ...).
  virtual Result<std::string> GetSetting(const std::string& key) = 0;  // NotFound if unset
  virtual Status PutSetting(const std::string& key, const std::string& value) = 0;
};

class Store {
 public:
  using Work = std::function<Status(Repositories&)>;
  virtual ~Store() = default;
  virtual Status Read(const Work& work) = 0;
  virtual Status ReadOnce(const Work& work) = 0;
  virtual Status Write(const Work& work) = 0;
  // OK when the database answers a trivial query.
  virtual Status Ping() = 0;
};

}  // namespace csphub::domain
