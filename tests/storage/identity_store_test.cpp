// The identity, partnership and audit repositories against a real SQLite file.
#include <gtest/gtest.h>

#include <string>

#include "storage/store_fixture.hpp"

namespace csphub::storage::sqlite {
namespace {

using domain::Repositories;

class IdentityStoreTest : public StoreTest {};

TEST_F(IdentityStoreTest, PartnerUniqueConstraints) {
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

TEST_F(IdentityStoreTest, PartnerUserUpnUnique) {
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

TEST_F(IdentityStoreTest, Partnerships) {
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

TEST_F(IdentityStoreTest, Invitations) {
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

TEST_F(IdentityStoreTest, AuditAppendAndQuery) {
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

}  // namespace
}  // namespace csphub::storage::sqlite
