#pragma once
// A fresh store for each storage test, and the rows most tests need. The store is SQLite, or
// PostgreSQL when the suite runs as its -pg copy (support/test_database.hpp): the same tests are
// the contract both backends keep. Each test file derives its own fixture from StoreTest (gtest
// wants one class per suite name).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/store_factory.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/test_database.hpp"

namespace csphub::storage::sqlite {

using domain::Repositories;

inline const TimePoint kT0 = FromUnixMillis(1795244340000);  // 2026-11-21T06:59:00Z

inline domain::Partner MakePartner(const std::string& tenant, const std::string& mpn,
                                   const std::string& domain) {
  domain::Partner p;
  p.tenant_id = tenant;
  p.name = "Partner " + tenant;
  p.country = "US";
  p.programs.Add(domain::Program::kIndirectReseller);
  p.mpn_id = mpn;
  p.domain = domain;
  p.created_at = kT0;
  return p;
}

inline domain::PartnerUser MakeUser(const std::string& id, const std::string& tenant,
                                    const std::string& upn) {
  domain::PartnerUser u;
  u.id = id;
  u.tenant_id = tenant;
  u.user_principal_name = upn;
  u.display_name = "User " + id;
  u.roles = domain::RoleSet{domain::Role::kGlobalAdmin};
  u.password_hash = "$argon2id$fake";
  u.created_at = kT0;
  u.updated_at = kT0;
  return u;
}

// An activity-log record of `partner`, numbered `i` (an hour apart, alternating customers).
inline domain::AuditRecord MakeAudit(int i, const std::string& partner) {
  domain::AuditRecord a;
  a.id = "audit-" + partner + "-" + std::to_string(i);
  a.partner_id = partner;
  a.customer_id = i % 2 == 0 ? "cust-even" : "cust-odd";
  a.customer_name = i % 2 == 0 ? "Even Corp" : "Odd Ltd";
  a.user_principal_name = "admin@" + partner;
  a.resource_type = i % 3 == 0 ? "partner_user" : "partner_relationship";
  a.operation_type = "op" + std::to_string(i);
  a.operation_date = kT0 + std::chrono::hours(i);
  a.customized_data = {{"k", "v" + std::to_string(i)}};
  return a;
}

// A customer with a complete billing profile (the columns the schema requires).
inline domain::Customer MakeCustomer(const std::string& id = "c0000000-0000-4000-8000-000000000001",
                                     const std::string& domain = "adatum.onmicrosoft.com") {
  domain::Customer c;
  c.id = id;
  c.commerce_id = "commerce-" + id;
  c.domain = domain;
  c.billing.company_name = "Adatum";
  c.billing.first_name = "Ann";
  c.billing.last_name = "Lee";
  c.billing.email = "ann@adatum.example";
  c.billing.culture = "en-US";
  c.billing.language = "en";
  c.billing.default_address = {
      .country = "US", .city = "Redmond", .address_line1 = "1 Main St", .postal_code = "98052"};
  c.created_at = c.updated_at = kT0;
  return c;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/csphub_store_test_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    db_ = std::make_unique<testing::TestDatabase>(dir_);
    path_ = db_->url();
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  void Reopen() {
    store_.reset();
    app::Config config;
    config.database = path_;
    config.db_readers = 4;
    config.db_connections = 4;
    auto s = app::OpenStore(config);
    ASSERT_TRUE(s.ok()) << s.status().description() << " / " << s.status().detail();
    store_ = std::move(s).value();
  }
  // The store as SQLite's, for the tests of SQLite itself (nullptr on PostgreSQL).
  SqliteStore* sqlite() { return dynamic_cast<SqliteStore*>(store_.get()); }
  Status W(const domain::Store::Work& w) { return store_->Write(w); }
  Status R(const domain::Store::Work& w) { return store_->Read(w); }

  // Three partners: p1 (provider), p2 and p3 (resellers).
  void SeedPartners() {
    ASSERT_TRUE(W([](Repositories& r) -> Status {
                  RETURN_IF_ERROR(r.Partners().Insert(MakePartner("p1", "1001", "p1.example")));
                  RETURN_IF_ERROR(r.Partners().Insert(MakePartner("p2", "1002", "p2.example")));
                  return r.Partners().Insert(MakePartner("p3", "1003", "p3.example"));
                }).ok());
  }

  std::string dir_;
  std::unique_ptr<testing::TestDatabase> db_;
  std::string path_;  // the `database` setting: a file path or a postgresql:// URL
  std::unique_ptr<domain::Store> store_;
};

}  // namespace csphub::storage::sqlite
