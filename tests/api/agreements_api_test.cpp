// /v1/customers/{id}/agreements over real sockets: attestation by a provider or direct-bill
// partner (never an indirect reseller), contact and date validation, the duplicate rule,
// visibility (404 / 20002), the type filter, the audit record and MS-RequestId replay.
#include <gtest/gtest.h>

#include <string>

#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

const std::string& CustomerId(std::size_t i) { return app::Demo().customers[i].tenant_id; }
// Demo customers: [0], [1] the provider's for the reseller; [2] the provider's own;
// [3], [4] the direct-bill partner's.
constexpr std::size_t kResold = 0;
constexpr std::size_t kProvidersOwn = 2;
constexpr std::size_t kDirectsOwn = 3;

struct Contact {
  std::string first = "Megan";
  std::string last = "Bowen";
  std::string email = "megan.bowen@adatum.example";
  std::string phone = "+1 425 555 0100";
};

std::string AgreementJson(const Contact& c, const std::string& date = "2024-01-15T10:00:00Z",
                          const std::string& extra = R"("type":"MicrosoftCustomerAgreement")") {
  std::string body = R"({"primaryContact":{"firstName":")" + c.first + R"(","lastName":")" +
                     c.last + R"(","email":")" + c.email + R"(")";
  if (!c.phone.empty()) body += R"(,"phoneNumber":")" + c.phone + R"(")";
  body += R"(},"dateAgreed":")" + date + R"(")";
  if (!extra.empty()) body += "," + extra;
  return body + "}";
}

std::string Path(std::size_t customer) {
  return "/v1/customers/" + CustomerId(customer) + "/agreements";
}

class AgreementsApiTest : public ::testing::Test {
 protected:
  int Count(const std::string& token, std::size_t customer, const std::string& query = "") {
    auto res = server_.Get(token, Path(customer) + query);
    return res && res->status == 200 ? std::stoi(JsonField(res->body, "/totalCount")) : -1;
  }
  void ExpectFieldError(const std::string& body, const std::string& field) {
    auto res = server_.Post(provider_, Path(kProvidersOwn), body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << res->body;
    EXPECT_NE(JsonField(res->body, "/description").find(field), std::string::npos) << res->body;
  }

  TestServer server_;
  std::string provider_ = server_.UserToken(kProvider, kAdminAgent);
  std::string reseller_ = server_.UserToken(kReseller, kGlobalAdmin);
  std::string other_ = server_.UserToken(kOtherReseller, kGlobalAdmin);
  std::string direct_ = server_.UserToken(kDirect, kGlobalAdmin);
};

TEST_F(AgreementsApiTest, ProviderConfirmsAndEveryRelatedPartnerReadsIt) {
  auto res = server_.Post(provider_, Path(kResold), AgreementJson({}));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  EXPECT_FALSE(JsonField(res->body, "/userId").empty());  // from the token
  EXPECT_EQ(JsonField(res->body, "/primaryContact/firstName"), "Megan");
  EXPECT_EQ(JsonField(res->body, "/primaryContact/lastName"), "Bowen");
  EXPECT_EQ(JsonField(res->body, "/primaryContact/email"), "megan.bowen@adatum.example");
  EXPECT_EQ(JsonField(res->body, "/primaryContact/phoneNumber"), "+1 425 555 0100");
  EXPECT_EQ(JsonField(res->body, "/dateAgreed"), "2024-01-15T10:00:00.000Z");
  EXPECT_EQ(JsonField(res->body, "/type"), "MicrosoftCustomerAgreement");
  EXPECT_EQ(JsonField(res->body, "/templateId").size(), 36u);  // the type's default template
  EXPECT_NE(JsonField(res->body, "/agreementLink").find("https://"), std::string::npos);
  EXPECT_EQ(JsonField(res->body, "/attributes/objectType"), "Agreement");

  auto list = server_.Get(provider_, Path(kResold));
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_EQ(JsonField(list->body, "/totalCount"), "1");
  EXPECT_EQ(JsonField(list->body, "/items/0/primaryContact/email"), "megan.bowen@adatum.example");
  EXPECT_EQ(JsonField(list->body, "/attributes/objectType"), "Collection");
  // The agreement is the customer's: its reseller sees the provider's attestation.
  EXPECT_EQ(Count(reseller_, kResold), 1);
  EXPECT_EQ(Count(provider_, kProvidersOwn), 0);

  auto audit = server_.Get(provider_, "/v1/auditrecords");
  ASSERT_TRUE(audit);
  EXPECT_NE(audit->body.find("\"operationType\":\"create_customer_agreement\""), std::string::npos)
      << audit->body;
}

TEST_F(AgreementsApiTest, IndirectResellersCannotAttestTheirProviderDoes) {
  auto res = server_.Post(reseller_, Path(kResold), AgreementJson({}));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403) << res->body;
  EXPECT_EQ(JsonField(res->body, "/code"), "700204");
  EXPECT_NE(JsonField(res->body, "/description").find("provider"), std::string::npos);
  EXPECT_EQ(Count(reseller_, kResold), 0);
}

TEST_F(AgreementsApiTest, DirectBillPartnersAttestForTheirCustomers) {
  auto res = server_.Post(direct_, Path(kDirectsOwn), AgreementJson({}));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201) << res->body;
  EXPECT_EQ(Count(direct_, kDirectsOwn), 1);
}

TEST_F(AgreementsApiTest, SalesAgentsAttestHelpdeskAgentsOnlyRead) {
  const std::string sales = server_.UserToken(kProvider, kSalesAgent);
  auto res = server_.Post(sales, Path(kProvidersOwn), AgreementJson({}));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201) << res->body;
  const std::string helpdesk = server_.UserToken(kProvider, kHelpdeskAgent);
  auto denied = server_.Post(helpdesk, Path(kProvidersOwn), AgreementJson({.first = "Alex"}));
  ASSERT_TRUE(denied);
  EXPECT_EQ(denied->status, 403) << denied->body;
  EXPECT_EQ(JsonField(denied->body, "/code"), "900150");
  EXPECT_EQ(Count(helpdesk, kProvidersOwn), 1);
}

TEST_F(AgreementsApiTest, UnrelatedPartnersGet404AndUnknownCustomers404) {
  for (const std::string& token : {other_, direct_}) {
    auto post = server_.Post(token, Path(kResold), AgreementJson({}));
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 404) << post->body;
    auto get = server_.Get(token, Path(kResold));
    ASSERT_TRUE(get);
    EXPECT_EQ(get->status, 404) << get->body;
  }
  auto unknown =
      server_.Post(provider_, "/v1/customers/0f0f0f0f-0000-4000-8000-000000000000/agreements",
                   AgreementJson({}));
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404) << unknown->body;
}

TEST_F(AgreementsApiTest, RemovedRelationshipAnswers20002) {
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  auto removed = server_.Patch(admin, "/v1/customers/" + CustomerId(kProvidersOwn),
                               R"({"relationshipToPartner":"none"})");
  ASSERT_TRUE(removed);
  ASSERT_EQ(removed->status, 200) << removed->body;
  auto post = server_.Post(provider_, Path(kProvidersOwn), AgreementJson({}));
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 403) << post->body;
  EXPECT_EQ(JsonField(post->body, "/code"), "20002");
  auto get = server_.Get(provider_, Path(kProvidersOwn));
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 403) << get->body;
  EXPECT_EQ(JsonField(get->body, "/code"), "20002");
}

TEST_F(AgreementsApiTest, ContactDateTypeAndTemplateAreValidated) {
  ExpectFieldError(R"({"dateAgreed":"2024-01-15","type":"MicrosoftCustomerAgreement"})",
                   "primaryContact");
  ExpectFieldError(AgreementJson({.first = ""}), "primaryContact.firstName");
  ExpectFieldError(AgreementJson({.first = "X"}), "primaryContact.firstName");
  ExpectFieldError(AgreementJson({.last = "test"}), "primaryContact.lastName");
  ExpectFieldError(AgreementJson({.email = "not-an-email"}), "primaryContact.email");
  ExpectFieldError(AgreementJson({.email = "someone@microsoft.com"}), "primaryContact.email");
  // Not the attesting partner's own domain: the contact is the customer's.
  ExpectFieldError(AgreementJson({.email = "me@" + app::Demo().partners[kProvider].domain}),
                   "primaryContact.email");
  ExpectFieldError(AgreementJson({.phone = "call me maybe"}), "primaryContact.phoneNumber");
  ExpectFieldError(AgreementJson({}, ""), "dateAgreed");
  ExpectFieldError(AgreementJson({}, "15/01/2026"), "dateAgreed");
  ExpectFieldError(AgreementJson({}, "2999-01-01"), "dateAgreed");  // in the future
  const TimePoint in_two_days = std::chrono::system_clock::now() + std::chrono::hours(48);
  ExpectFieldError(AgreementJson({}, FormatIso8601(in_two_days).substr(0, 10)), "dateAgreed");
  ExpectFieldError(AgreementJson({}, "2024-02-30"), "dateAgreed");
  ExpectFieldError(AgreementJson({}, "2024-01-15", R"("type":"MicrosoftPartnerAgreement")"),
                   "type");
  ExpectFieldError(AgreementJson({}, "2024-01-15", R"("templateId":"not-a-guid")"), "templateId");
  EXPECT_EQ(Count(provider_, kProvidersOwn), 0);

  // Today is fine, and so are a date-only value, no phone and no type (MCA by default).
  auto ok =
      server_.Post(provider_, Path(kProvidersOwn), AgreementJson({.phone = ""}, "2024-01-15", ""));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 201) << ok->body;
  EXPECT_EQ(JsonField(ok->body, "/type"), "MicrosoftCustomerAgreement");
  EXPECT_EQ(JsonField(ok->body, "/primaryContact/phoneNumber"), "");
}

TEST_F(AgreementsApiTest, SameContactTwiceIs600061ANewContactIsANewAttestation) {
  auto first = server_.Post(provider_, Path(kProvidersOwn), AgreementJson({}));
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  auto again = server_.Post(provider_, Path(kProvidersOwn),
                            AgreementJson({.email = "MEGAN.BOWEN@adatum.example"}));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409) << again->body;
  EXPECT_EQ(JsonField(again->body, "/code"), "600061");
  auto changed = server_.Post(provider_, Path(kProvidersOwn),
                              AgreementJson({.email = "megan@litware.example"}));
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 201) << changed->body;
  // The same contact for the other agreement type is a different attestation.
  auto mca_cloud =
      server_.Post(provider_, Path(kProvidersOwn),
                   AgreementJson({}, "2024-01-15", R"("type":"microsoftcloudagreement")"));
  ASSERT_TRUE(mca_cloud);
  EXPECT_EQ(mca_cloud->status, 201) << mca_cloud->body;
  EXPECT_EQ(JsonField(mca_cloud->body, "/type"), "MicrosoftCloudAgreement");
  EXPECT_EQ(Count(provider_, kProvidersOwn), 3);
}

TEST_F(AgreementsApiTest, AgreementTypeFilter) {
  ASSERT_EQ(server_.Post(provider_, Path(kProvidersOwn), AgreementJson({}))->status, 201);
  ASSERT_EQ(server_
                .Post(provider_, Path(kProvidersOwn),
                      AgreementJson({}, "2024-01-15", R"("type":"MicrosoftCloudAgreement")"))
                ->status,
            201);
  EXPECT_EQ(Count(provider_, kProvidersOwn), 2);
  EXPECT_EQ(Count(provider_, kProvidersOwn, "?agreementType=*"), 2);
  EXPECT_EQ(Count(provider_, kProvidersOwn, "?agreementType=MicrosoftCustomerAgreement"), 1);
  EXPECT_EQ(Count(provider_, kProvidersOwn, "?agreementType=microsoftcloudagreement"), 1);
  auto bad = server_.Get(provider_, Path(kProvidersOwn) + "?agreementType=Nonsense");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400) << bad->body;
  EXPECT_NE(JsonField(bad->body, "/description").find("agreementType"), std::string::npos);
}

TEST_F(AgreementsApiTest, ReplayWithTheSameRequestIdCreatesOneAttestation) {
  const httplib::Headers id = {{"MS-RequestId", "3c9d7a51-8e2f-4b6a-9c0d-1e2f3a4b5c6d"}};
  auto first = server_.Post(provider_, Path(kProvidersOwn), AgreementJson({}), id);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  auto replay = server_.Post(provider_, Path(kProvidersOwn), AgreementJson({}), id);
  ASSERT_TRUE(replay);
  EXPECT_EQ(replay->status, 201) << replay->body;  // not 600061: the first answer again
  EXPECT_EQ(replay->body, first->body);
  EXPECT_EQ(replay->get_header_value("Idempotent-Replayed"), "true");
  EXPECT_EQ(Count(provider_, kProvidersOwn), 1);
}

}  // namespace
}  // namespace csphub::testing
