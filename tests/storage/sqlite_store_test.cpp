#include "storage/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/migrations.hpp"

namespace csphub::storage::sqlite {
namespace {

using domain::Repositories;

const TimePoint kT0 = FromUnixMillis(1795244340000);  // 2026-11-21T06:59:00Z

domain::Partner MakePartner(const std::string& tenant, const std::string& mpn,
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

domain::PartnerUser MakeUser(const std::string& id, const std::string& tenant,
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

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/csphub_store_test_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/db.sqlite";
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  void Reopen() {
    store_.reset();
    auto s = SqliteStore::Open(path_, 4);
    ASSERT_TRUE(s.ok()) << s.status().description() << " / " << s.status().detail();
    store_ = std::move(s).value();
  }
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
  std::string path_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteStoreTest, OpenMigratesAndReopenIsIdempotent) {
  const int v = store_->schema_version();
  EXPECT_GE(v, 1);
  EXPECT_EQ(v, AllMigrations().back().version);
  EXPECT_TRUE(store_->Ping().ok());
  Reopen();
  EXPECT_EQ(store_->schema_version(), v);
  Reopen();
  EXPECT_EQ(store_->schema_version(), v);
  // Each migration is recorded once.
  store_.reset();
  auto conn = Connection::Open(path_, true);
  ASSERT_TRUE(conn.ok());
  Statement s = (*conn)->Prepare("SELECT count(*), count(DISTINCT version) FROM schema_migrations");
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(s.Int(0), static_cast<std::int64_t>(AllMigrations().size()));
  EXPECT_EQ(s.Int(0), s.Int(1));
}

TEST_F(SqliteStoreTest, FailedWriteRollsBack) {
  const Status s = W([](Repositories& r) -> Status {
    RETURN_IF_ERROR(r.Partners().Insert(MakePartner("p1", "1001", "p1.example")));
    RETURN_IF_ERROR(r.PutSetting("k", "v"));
    return InvalidArgument("changed my mind");
  });
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.description(), "changed my mind");
  EXPECT_TRUE(R([](Repositories& r) -> Status {
                EXPECT_EQ(r.Partners().Get("p1").status().code(), StatusCode::kNotFound);
                EXPECT_EQ(r.GetSetting("k").status().code(), StatusCode::kNotFound);
                return Status::Ok();
              }).ok());
  // The writer is usable again afterwards.
  EXPECT_TRUE(W([](Repositories& r) { return r.PutSetting("k", "v2"); }).ok());
}

// A Write() inside a Write() is a savepoint: it fails alone, and nothing is durable before the
// outer commit (the idempotency layer relies on this).
TEST_F(SqliteStoreTest, NestedWritesAreSavepoints) {
  const Status outer = W([&](Repositories& r) -> Status {
    RETURN_IF_ERROR(r.PutSetting("outer", "1"));
    const Status failed = W([](Repositories& inner) -> Status {
      RETURN_IF_ERROR(inner.PutSetting("inner-failed", "1"));
      return InvalidArgument("no");
    });
    EXPECT_EQ(failed.code(), StatusCode::kInvalidArgument);
    RETURN_IF_ERROR(W([](Repositories& inner) { return inner.PutSetting("inner-ok", "1"); }));
    // A Read() inside sees the enclosing transaction's writes.
    EXPECT_TRUE(R([](Repositories& rr) -> Status {
                  EXPECT_TRUE(rr.GetSetting("inner-ok").ok());
                  return Status::Ok();
                }).ok());
    return Status::Ok();
  });
  ASSERT_TRUE(outer.ok()) << outer.description();
  EXPECT_TRUE(R([](Repositories& r) -> Status {
                EXPECT_TRUE(r.GetSetting("outer").ok());
                EXPECT_TRUE(r.GetSetting("inner-ok").ok());
                EXPECT_EQ(r.GetSetting("inner-failed").status().code(), StatusCode::kNotFound);
                return Status::Ok();
              }).ok());
  // An outer failure undoes the nested units that succeeded.
  const Status undone = W([&](Repositories&) -> Status {
    RETURN_IF_ERROR(W([](Repositories& inner) { return inner.PutSetting("gone", "1"); }));
    return InvalidArgument("roll it all back");
  });
  EXPECT_FALSE(undone.ok());
  EXPECT_TRUE(R([](Repositories& r) -> Status {
                EXPECT_EQ(r.GetSetting("gone").status().code(), StatusCode::kNotFound);
                return Status::Ok();
              }).ok());
  // Writing from inside a Read() is refused.
  EXPECT_TRUE(R([&](Repositories&) -> Status {
                EXPECT_EQ(W([](Repositories& w) { return w.PutSetting("x", "1"); }).code(),
                          StatusCode::kInternal);
                return Status::Ok();
              }).ok());
}

TEST_F(SqliteStoreTest, IdempotencyRecords) {
  ASSERT_TRUE(
      W([](Repositories& r) -> Status {
        RETURN_IF_ERROR(r.Idempotency().Put({"a", "sealed-a", kT0}));
        RETURN_IF_ERROR(r.Idempotency().Put({"b", "sealed-b", kT0 + std::chrono::hours(2)}));
        return r.Idempotency().Put({"a", "sealed-a2", kT0 + std::chrono::hours(1)});
      }).ok());
  EXPECT_TRUE(W([](Repositories& r) -> Status {
                auto a = r.Idempotency().Get("a");
                EXPECT_TRUE(a.ok());
                EXPECT_EQ(a.ok() ? a->sealed : "", "sealed-a2");
                EXPECT_EQ(r.Idempotency().Get("zzz").status().code(), StatusCode::kNotFound);
                auto purged = r.Idempotency().PurgeBefore(kT0 + std::chrono::minutes(90), 10);
                EXPECT_TRUE(purged.ok());
                EXPECT_EQ(purged.ok() ? *purged : -1, 1);
                EXPECT_EQ(r.Idempotency().Get("a").status().code(), StatusCode::kNotFound);
                EXPECT_TRUE(r.Idempotency().Get("b").ok());
                return Status::Ok();
              }).ok());
}

TEST_F(SqliteStoreTest, CommittedWriteVisibleAndDurable) {
  SeedPartners();
  auto check = [&] {
    EXPECT_TRUE(R([](Repositories& r) -> Status {
                  auto p = r.Partners().Get("p2");
                  EXPECT_TRUE(p.ok());
                  if (!p.ok()) return p.status();
                  EXPECT_EQ(p->mpn_id, "1002");
                  EXPECT_EQ(p->domain, "p2.example");
                  EXPECT_EQ(p->country, "US");
                  EXPECT_TRUE(p->programs.Has(domain::Program::kIndirectReseller));
                  EXPECT_FALSE(p->programs.Has(domain::Program::kIndirectProvider));
                  EXPECT_EQ(ToUnixMillis(p->created_at), ToUnixMillis(kT0));
                  auto by_domain = r.Partners().GetByDomain("p3.example");
                  EXPECT_TRUE(by_domain.ok());
                  if (by_domain.ok()) {
                    EXPECT_EQ(by_domain->tenant_id, "p3");
                  }
                  auto by_mpn = r.Partners().GetByMpnId("1001");
                  EXPECT_TRUE(by_mpn.ok());
                  if (by_mpn.ok()) {
                    EXPECT_EQ(by_mpn->tenant_id, "p1");
                  }
                  auto list = r.Partners().List(std::nullopt, 10);
                  EXPECT_TRUE(list.ok());
                  if (list.ok()) {
                    EXPECT_EQ(list->size(), 3u);
                  }
                  auto page = r.Partners().List(std::string("p1"), 1);
                  EXPECT_TRUE(page.ok());
                  if (page.ok()) {
                    EXPECT_EQ(page->size(), 1u);
                    if (!page->empty()) {
                      EXPECT_EQ(page->front().tenant_id, "p2");
                    }
                  }
                  return Status::Ok();
                }).ok());
  };
  check();
  Reopen();
  check();
}

TEST_F(SqliteStoreTest, ReadRejectsWrites) {
  const Status s = R([](Repositories& r) { return r.PutSetting("k", "v"); });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(R([](Repositories& r) { return r.GetSetting("k").status(); }).code(),
            StatusCode::kNotFound);
}

TEST_F(SqliteStoreTest, PartnerUniqueConstraints) {
  SeedPartners();
  Status s = W([](Repositories& r) {
    return r.Partners().Insert(MakePartner("p9", "1001", "p9.example"));  // same MPN ID as p1
  });
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists);
  s = W([](Repositories& r) {
    return r.Partners().Insert(MakePartner("p9", "1009", "p1.example"));  // same domain as p1
  });
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists);
  s = W([](Repositories& r) {
    return r.Partners().Insert(MakePartner("p1", "1009", "p9.example"));  // same tenant ID
  });
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists);
  EXPECT_TRUE(W([](Repositories& r) {
                return r.Partners().Insert(MakePartner("p9", "1009", "p9.example"));
              }).ok());
}

TEST_F(SqliteStoreTest, PartnerUserUpnUnique) {
  SeedPartners();
  ASSERT_TRUE(W([](Repositories& r) {
                return r.PartnerUsers().Insert(MakeUser("u1", "p1", "admin@p1.example"));
              }).ok());
  const Status s = W([](Repositories& r) {
    return r.PartnerUsers().Insert(MakeUser("u2", "p2", "admin@p1.example"));
  });
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists);
  EXPECT_TRUE(R([](Repositories& r) -> Status {
                auto u = r.PartnerUsers().GetByPrincipalName("admin@p1.example");
                EXPECT_TRUE(u.ok());
                if (u.ok()) {
                  EXPECT_EQ(u->id, "u1");
                  EXPECT_EQ(u->tenant_id, "p1");
                  EXPECT_EQ(u->roles, domain::RoleSet{domain::Role::kGlobalAdmin});
                  EXPECT_TRUE(u->must_change_password);
                }
                EXPECT_EQ(r.PartnerUsers().Get("p2", "u2").status().code(), StatusCode::kNotFound);
                auto n = r.PartnerUsers().CountWithRole("p1", domain::Role::kGlobalAdmin);
                EXPECT_TRUE(n.ok());
                if (n.ok()) {
                  EXPECT_EQ(*n, 1);
                }
                return Status::Ok();
              }).ok());
}

TEST_F(SqliteStoreTest, Partnerships) {
  SeedPartners();
  ASSERT_TRUE(W([](Repositories& r) -> Status {
                RETURN_IF_ERROR(r.Partnerships().Insert({"p1", "p2", kT0}));
                return r.Partnerships().Insert({"p1", "p3", kT0});
              }).ok());
  EXPECT_EQ(W([](Repositories& r) {
              return r.Partnerships().Insert({"p1", "p2", kT0});
            }).code(),
            StatusCode::kAlreadyExists);
  EXPECT_TRUE(R([](Repositories& r) -> Status {
                auto e = r.Partnerships().Exists("p1", "p2");
                EXPECT_TRUE(e.ok() && *e);
                auto reverse = r.Partnerships().Exists("p2", "p1");
                EXPECT_TRUE(reverse.ok() && !*reverse);
                auto resellers = r.Partnerships().ListResellersOf("p1");
                EXPECT_TRUE(resellers.ok());
                if (resellers.ok()) {
                  EXPECT_EQ(resellers->size(), 2u);
                  if (resellers->size() == 2) {
                    EXPECT_EQ((*resellers)[0].reseller_tenant_id, "p2");
                    EXPECT_EQ((*resellers)[1].reseller_tenant_id, "p3");
                  }
                }
                auto providers = r.Partnerships().ListProvidersOf("p3");
                EXPECT_TRUE(providers.ok());
                if (providers.ok()) {
                  EXPECT_EQ(providers->size(), 1u);
                  if (!providers->empty()) {
                    EXPECT_EQ(providers->front().provider_tenant_id, "p1");
                  }
                }
                auto none = r.Partnerships().ListProvidersOf("p1");
                EXPECT_TRUE(none.ok() && none->empty());
                return Status::Ok();
              }).ok());
  EXPECT_TRUE(W([](Repositories& r) { return r.Partnerships().Delete("p1", "p2"); }).ok());
  EXPECT_EQ(W([](Repositories& r) { return r.Partnerships().Delete("p1", "p2"); }).code(),
            StatusCode::kNotFound);
  EXPECT_TRUE(R([](Repositories& r) -> Status {
                auto e = r.Partnerships().Exists("p1", "p2");
                EXPECT_TRUE(e.ok() && !*e);
                auto resellers = r.Partnerships().ListResellersOf("p1");
                EXPECT_TRUE(resellers.ok() && resellers->size() == 1u);
                return Status::Ok();
              }).ok());
}

TEST_F(SqliteStoreTest, Invitations) {
  SeedPartners();
  domain::PartnershipInvitation inv;
  inv.id = "inv1";
  inv.provider_tenant_id = "p1";
  inv.token_hash = "abc123";
  inv.created_by = "admin@p1.example";
  inv.created_at = kT0;
  inv.expires_at = kT0 + std::chrono::hours(24 * 30);
  ASSERT_TRUE(W([&](Repositories& r) { return r.Partnerships().InsertInvitation(inv); }).ok());
  EXPECT_TRUE(R([&](Repositories& r) -> Status {
                auto got = r.Partnerships().GetInvitationByTokenHash("abc123");
                EXPECT_TRUE(got.ok());
                if (got.ok()) {
                  EXPECT_EQ(got->id, "inv1");
                  EXPECT_EQ(got->provider_tenant_id, "p1");
                  EXPECT_EQ(got->created_by, "admin@p1.example");
                  EXPECT_EQ(ToUnixMillis(got->expires_at), ToUnixMillis(inv.expires_at));
                  EXPECT_FALSE(got->revoked_at.has_value());
                }
                EXPECT_EQ(r.Partnerships().GetInvitationByTokenHash("nope").status().code(),
                          StatusCode::kNotFound);
                auto list = r.Partnerships().ListInvitations("p1");
                EXPECT_TRUE(list.ok() && list->size() == 1u);
                return Status::Ok();
              }).ok());
  // Another provider cannot revoke p1's invitation.
  EXPECT_EQ(W([](Repositories& r) {
              return r.Partnerships().RevokeInvitation("p2", "inv1", kT0);
            }).code(),
            StatusCode::kNotFound);
  const TimePoint when = kT0 + std::chrono::hours(1);
  EXPECT_TRUE(W([&](Repositories& r) {
                return r.Partnerships().RevokeInvitation("p1", "inv1", when);
              }).ok());
  EXPECT_EQ(W([&](Repositories& r) {
              return r.Partnerships().RevokeInvitation("p1", "inv1", when);
            }).code(),
            StatusCode::kNotFound);
  EXPECT_TRUE(R([&](Repositories& r) -> Status {
                auto got = r.Partnerships().GetInvitationByTokenHash("abc123");
                EXPECT_TRUE(got.ok());
                if (got.ok()) {
                  EXPECT_TRUE(got->revoked_at.has_value());
                  if (got->revoked_at) {
                    EXPECT_EQ(ToUnixMillis(*got->revoked_at), ToUnixMillis(when));
                  }
                }
                return Status::Ok();
              }).ok());
}

domain::AuditRecord MakeAudit(int i, const std::string& partner) {
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

TEST_F(SqliteStoreTest, AuditAppendAndQuery) {
  ASSERT_TRUE(W([](Repositories& r) -> Status {
                for (int i = 0; i < 10; ++i) RETURN_IF_ERROR(r.Audit().Append(MakeAudit(i, "p1")));
                return r.Audit().Append(MakeAudit(0, "p2"));
              }).ok());
  domain::AuditQuery base;
  base.partner_id = "p1";
  base.start = kT0 - std::chrono::hours(1);
  base.end = kT0 + std::chrono::hours(100);

  auto query = [&](const domain::AuditQuery& q) {
    std::vector<domain::AuditRecord> out;
    const Status s = R([&](Repositories& r) -> Status {
      ASSIGN_OR_RETURN(out, r.Audit().Query(q));
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.description() << s.detail();
    return out;
  };
  auto ops = [](const std::vector<domain::AuditRecord>& rs) {
    std::vector<std::string> out;
    for (const auto& r : rs) out.push_back(r.operation_type);
    return out;
  };

  // Newest first, with a limit.
  domain::AuditQuery q = base;
  q.limit = 3;
  auto page1 = query(q);
  ASSERT_EQ(ops(page1), (std::vector<std::string>{"op9", "op8", "op7"}));
  EXPECT_GT(page1[0].seq, page1[1].seq);
  EXPECT_EQ(page1[0].partner_id, "p1");
  EXPECT_EQ(page1[0].customer_name, "Odd Ltd");
  EXPECT_EQ(page1[0].customized_data,
            (std::vector<std::pair<std::string, std::string>>{{"k", "v9"}}));
  EXPECT_EQ(ToUnixMillis(page1[0].operation_date), ToUnixMillis(kT0 + std::chrono::hours(9)));

  // Keyset paging.
  q.before_seq = page1.back().seq;
  EXPECT_EQ(ops(query(q)), (std::vector<std::string>{"op6", "op5", "op4"}));

  // All of p1, not p2's.
  EXPECT_EQ(query(base).size(), 10u);

  // Filters.
  q = base;
  q.customer_id = "cust-even";
  EXPECT_EQ(ops(query(q)), (std::vector<std::string>{"op8", "op6", "op4", "op2", "op0"}));
  q = base;
  q.resource_type = "partner_user";
  EXPECT_EQ(ops(query(q)), (std::vector<std::string>{"op9", "op6", "op3", "op0"}));
  q = base;
  q.customer_name_contains = "odd";
  EXPECT_EQ(query(q).size(), 5u);

  // Date window (inclusive bounds).
  q = base;
  q.start = kT0 + std::chrono::hours(2);
  q.end = kT0 + std::chrono::hours(4);
  EXPECT_EQ(ops(query(q)), (std::vector<std::string>{"op4", "op3", "op2"}));
  q.start = kT0 + std::chrono::hours(50);
  q.end = kT0 + std::chrono::hours(60);
  EXPECT_TRUE(query(q).empty());
}

TEST_F(SqliteStoreTest, Settings) {
  EXPECT_EQ(R([](Repositories& r) { return r.GetSetting("signing_key").status(); }).code(),
            StatusCode::kNotFound);
  ASSERT_TRUE(W([](Repositories& r) { return r.PutSetting("signing_key", "one"); }).ok());
  ASSERT_TRUE(W([](Repositories& r) { return r.PutSetting("signing_key", "two"); }).ok());
  std::string value;
  ASSERT_TRUE(R([&](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(value, r.GetSetting("signing_key"));
                return Status::Ok();
              }).ok());
  EXPECT_EQ(value, "two");
}

TEST_F(SqliteStoreTest, RefusesNewerSchema) {
  store_.reset();
  {
    auto conn = Connection::Open(path_, false);
    ASSERT_TRUE(conn.ok()) << conn.status().description();
    ASSERT_TRUE(
        (*conn)->Exec("INSERT INTO schema_migrations(version, name) VALUES(9999, 'future')").ok());
  }
  auto s = SqliteStore::Open(path_, 2);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.status().description().find("9999"), std::string::npos) << s.status().description();
}

TEST_F(SqliteStoreTest, ConcurrentReadsWhileWriting) {
  SeedPartners();
  std::atomic<bool> stop{false};
  std::atomic<int> read_failures{0};
  std::atomic<int> reads{0};
  std::atomic<int> write_failures{0};
  std::thread writer([&] {
    for (int i = 0; i < 200; ++i) {
      const Status s = W([i](Repositories& r) -> Status {
        RETURN_IF_ERROR(r.PutSetting("counter", std::to_string(i)));
        return r.Audit().Append(MakeAudit(i, "px"));
      });
      if (!s.ok()) ++write_failures;
    }
    stop = true;
  });
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      while (!stop) {
        const Status s = R([](Repositories& r) -> Status {
          RETURN_IF_ERROR(r.Partners().Get("p1").status());
          auto v = r.GetSetting("counter");
          if (!v.ok() && v.status().code() != StatusCode::kNotFound) return v.status();
          return Status::Ok();
        });
        if (!s.ok()) ++read_failures;
        ++reads;
      }
    });
  }
  writer.join();
  for (auto& t : readers) t.join();
  EXPECT_EQ(write_failures.load(), 0);
  EXPECT_EQ(read_failures.load(), 0);
  EXPECT_GT(reads.load(), 0);
  std::string value;
  ASSERT_TRUE(R([&](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(value, r.GetSetting("counter"));
                return Status::Ok();
              }).ok());
  EXPECT_EQ(value, "199");
}

}  // namespace
}  // namespace csphub::storage::sqlite
