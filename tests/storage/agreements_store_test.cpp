// The agreement and self-serve policy repositories on both backends, and the purchase
// gate RequireCustomerAgreement (code 13605, HTTP 403) that orders call in their transaction.
#include <gtest/gtest.h>

#include "api/error_mapping.hpp"
#include "domain/customer/agreement_service.hpp"
#include "storage/store_fixture.hpp"

namespace csphub::storage::sqlite {
namespace {

using domain::Repositories;

constexpr const char* kCustomer = "c0000000-0000-4000-8000-000000000001";
constexpr const char* kPartner = "p0000000-0000-4000-8000-000000000001";

domain::Agreement MakeAgreement(const std::string& id, domain::AgreementType type) {
  domain::Agreement a;
  a.id = id;
  a.customer_id = kCustomer;
  a.partner_tenant_id = kPartner;
  a.user_id = "user-1";
  a.primary_contact = {"Megan", "Bowen", "megan@adatum.example", ""};
  a.date_agreed = kT0 - std::chrono::hours(24);
  a.template_id = std::string(domain::DefaultAgreementTemplateId(type));
  a.type = type;
  a.created_at = kT0;
  return a;
}

class AgreementsStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    ASSERT_TRUE(
        store_->Write([](Repositories& r) { return r.Customers().Insert(MakeCustomer()); }).ok());
  }
  Status Gate() {
    return store_->Read(
        [](Repositories& r) { return domain::RequireCustomerAgreement(r, kCustomer); });
  }
};

TEST_F(AgreementsStoreTest, PurchaseGateNeedsAMicrosoftCustomerAgreement) {
  Status none = Gate();
  EXPECT_EQ(none.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(none.pc_code(), 13605);
  EXPECT_EQ(api::HttpStatusFor(none), 403);
  EXPECT_NE(none.description().find("MCA acceptance required"), std::string::npos);

  // A Microsoft Cloud Agreement does not open the gate.
  ASSERT_TRUE(store_
                  ->Write([](Repositories& r) {
                    return r.Agreements().Insert(
                        MakeAgreement("a1", domain::AgreementType::kMicrosoftCloudAgreement));
                  })
                  .ok());
  EXPECT_EQ(Gate().pc_code(), 13605);

  ASSERT_TRUE(store_
                  ->Write([](Repositories& r) {
                    return r.Agreements().Insert(
                        MakeAgreement("a2", domain::AgreementType::kMicrosoftCustomerAgreement));
                  })
                  .ok());
  EXPECT_TRUE(Gate().ok());
  // Another customer still has none.
  Status other = store_->Read([](Repositories& r) {
    return domain::RequireCustomerAgreement(r, "c0000000-0000-4000-8000-000000000002");
  });
  EXPECT_EQ(other.pc_code(), 13605);
}

TEST_F(AgreementsStoreTest, AgreementsListInOrderAndByType) {
  ASSERT_TRUE(store_
                  ->Write([](Repositories& r) -> Status {
                    auto a = MakeAgreement("b", domain::AgreementType::kMicrosoftCustomerAgreement);
                    a.primary_contact.phone_number = "+1 425 555 0100";
                    RETURN_IF_ERROR(r.Agreements().Insert(a));
                    auto later =
                        MakeAgreement("a", domain::AgreementType::kMicrosoftCloudAgreement);
                    later.created_at = kT0 + std::chrono::seconds(1);
                    return r.Agreements().Insert(later);
                  })
                  .ok());
  ASSERT_TRUE(store_
                  ->Read([](Repositories& r) -> Status {
                    auto all = r.Agreements().ListForCustomer(kCustomer, std::nullopt);
                    EXPECT_TRUE(all.ok());
                    EXPECT_EQ(all->size(), 2u);
                    EXPECT_EQ((*all)[0].id, "b");
                    EXPECT_EQ((*all)[0].primary_contact.phone_number, "+1 425 555 0100");
                    EXPECT_EQ((*all)[0].date_agreed, kT0 - std::chrono::hours(24));
                    EXPECT_EQ((*all)[1].type, domain::AgreementType::kMicrosoftCloudAgreement);
                    auto cloud = r.Agreements().ListForCustomer(
                        kCustomer, domain::AgreementType::kMicrosoftCloudAgreement);
                    EXPECT_EQ(cloud->size(), 1u);
                    return Status::Ok();
                  })
                  .ok());
}

TEST_F(AgreementsStoreTest, AgreementForAnUnknownCustomerIsRefused) {
  auto a = MakeAgreement("x", domain::AgreementType::kMicrosoftCustomerAgreement);
  a.customer_id = "c0000000-0000-4000-8000-00000000ffff";
  EXPECT_FALSE(store_->Write([&](Repositories& r) { return r.Agreements().Insert(a); }).ok());
}

TEST_F(AgreementsStoreTest, SelfServePoliciesOnePerPair) {
  domain::SelfServePolicy p;
  p.grantor_tenant_id = kPartner;
  p.customer_id = kCustomer;
  p.permissions = {{"AzureReservedInstances", "Purchase"}};
  p.created_at = p.updated_at = kT0;
  ASSERT_TRUE(store_->Write([&](Repositories& r) { return r.SelfServePolicies().Insert(p); }).ok());
  Status dup = store_->Write([&](Repositories& r) { return r.SelfServePolicies().Insert(p); });
  EXPECT_EQ(dup.code(), StatusCode::kAlreadyExists);

  p.etag = 7;
  p.permissions.push_back({"Other", "Thing"});
  ASSERT_TRUE(store_->Write([&](Repositories& r) { return r.SelfServePolicies().Update(p); }).ok());
  ASSERT_TRUE(store_
                  ->Read([&](Repositories& r) -> Status {
                    auto got = r.SelfServePolicies().Get(kPartner, kCustomer);
                    EXPECT_TRUE(got.ok());
                    EXPECT_EQ(got->etag, 7);
                    EXPECT_EQ(got->permissions, p.permissions);
                    EXPECT_EQ(got->Id(), std::string(kPartner) + "_" + kCustomer);
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_TRUE(store_
                  ->Write([&](Repositories& r) {
                    return r.SelfServePolicies().Delete(kPartner, kCustomer);
                  })
                  .ok());
  Status again = store_->Write(
      [&](Repositories& r) { return r.SelfServePolicies().Delete(kPartner, kCustomer); });
  EXPECT_EQ(again.code(), StatusCode::kNotFound);
  Status update = store_->Write([&](Repositories& r) { return r.SelfServePolicies().Update(p); });
  EXPECT_EQ(update.code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace csphub::storage::sqlite
