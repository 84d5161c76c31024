// POST /v1/customers over real sockets: what it creates, who may create, every validation rule,
// domain uniqueness and its race, idempotent replay.
#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support/customers_fixture.hpp"

namespace csphub::testing {
namespace {

class CustomersCreateApiTest : public CustomersApiBase {};

TEST_F(CustomersCreateApiTest, CreateReturnsTheCustomerAndItsAdminOnce) {
  auto res = server_.Post(direct_, "/v1/customers", CustomerJson(Named("Contoso", "Contoso Ltd")));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const std::string id = JsonField(res->body, "/id");
  EXPECT_EQ(id.size(), 36u);
  EXPECT_EQ(res->get_header_value("Location"), "/v1/customers/" + id);
  EXPECT_EQ(JsonField(res->body, "/companyProfile/domain"), "contoso.onmicrosoft.com");
  EXPECT_EQ(JsonField(res->body, "/companyProfile/tenantId"), id);
  EXPECT_EQ(JsonField(res->body, "/billingProfile/companyName"), "Contoso Ltd");
  EXPECT_EQ(JsonField(res->body, "/billingProfile/defaultAddress/city"), "Redmond");
  EXPECT_EQ(JsonField(res->body, "/relationshipToPartner"), "reseller");
  EXPECT_EQ(JsonField(res->body, "/attributes/objectType"), "Customer");
  EXPECT_EQ(JsonField(res->body, "/userCredentials/userName"), "admin@contoso.onmicrosoft.com");
  const std::string password = JsonField(res->body, "/userCredentials/password");
  EXPECT_GE(password.size(), 16u);

  // Never shown again.
  auto got = server_.Get(direct_, "/v1/customers/" + id);
  ASSERT_TRUE(got);
  ASSERT_EQ(got->status, 200) << got->body;
  EXPECT_EQ(got->body.find(password), std::string::npos);
  EXPECT_EQ(JsonField(got->body, "/userCredentials/password"), "");
  EXPECT_EQ(JsonField(got->body, "/allowDelegatedAccess"), "true");

  auto company = server_.Get(direct_, "/v1/customers/" + id + "/profiles/company");
  ASSERT_TRUE(company);
  EXPECT_EQ(company->status, 200);
  EXPECT_EQ(JsonField(company->body, "/domain"), "contoso.onmicrosoft.com");
  EXPECT_EQ(JsonField(company->body, "/attributes/objectType"), "CustomerCompanyProfile");
  EXPECT_EQ(JsonField(company->body, "/email"), "ann.lee@contoso.example");  // with DAP

  // The activity log has add_customer with the primary domain.
  auto audit = server_.Get(direct_, "/v1/auditrecords");
  ASSERT_TRUE(audit);
  EXPECT_NE(audit->body.find("\"operationType\":\"add_customer\""), std::string::npos);
  EXPECT_NE(audit->body.find("\"value\":\"contoso.onmicrosoft.com\""), std::string::npos);
  EXPECT_EQ(audit->body.find(password), std::string::npos);
}

TEST_F(CustomersCreateApiTest, ResellersCannotCreateCustomers) {
  auto res = server_.Post(reseller_, "/v1/customers", CustomerJson(Named("resold", "Resold Inc")));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403) << res->body;
  auto free = server_.Head(direct_, "/v1/domains/resold.onmicrosoft.com");
  ASSERT_TRUE(free);
  EXPECT_EQ(free->status, 404);
}

TEST_F(CustomersCreateApiTest, ProviderCreatesForItsResellerWhoThenSeesIt) {
  CustomerFields f = Named("forreseller", "For Reseller GmbH");
  f.associated_partner_id = DemoOf(kReseller).tenant_id;
  const std::string id = Create(provider_, f);
  ASSERT_FALSE(id.empty());
  auto mine = server_.Get(provider_, "/v1/customers/" + id);
  ASSERT_TRUE(mine);
  EXPECT_EQ(JsonField(mine->body, "/associatedPartnerId"), DemoOf(kReseller).tenant_id);
  // The reseller has it, with admin access.
  auto theirs = server_.Get(reseller_, "/v1/customers/" + id);
  ASSERT_TRUE(theirs);
  EXPECT_EQ(theirs->status, 200) << theirs->body;
  EXPECT_EQ(JsonField(theirs->body, "/allowDelegatedAccess"), "true");
  // The provider's list filtered by that reseller has it; the customer's resellers list it.
  const std::string filter = R"({"Field":"IndirectReseller","Value":")" +
                             DemoOf(kReseller).tenant_id + R"(","Operator":"starts_with"})";
  auto filtered =
      server_.Get(provider_, "/v1/customers?filter=" + httplib::detail::encode_query_param(filter));
  ASSERT_TRUE(filtered);
  ASSERT_EQ(filtered->status, 200) << filtered->body;
  // It joins the two demo customers the provider made for that reseller, and nothing else.
  EXPECT_EQ(JsonField(filtered->body, "/totalCount"), "3");
  EXPECT_NE(filtered->body.find("\"id\":\"" + id + "\""), std::string::npos);
  auto resellers = server_.Get(provider_, "/v1/customers/" + id + "/relationships");
  ASSERT_TRUE(resellers);
  EXPECT_EQ(JsonField(resellers->body, "/items/0/id"), DemoOf(kReseller).tenant_id);
  EXPECT_EQ(JsonField(resellers->body, "/items/0/relationshipType"), "is_indirect_reseller_of");
  // The reseller's list filtered by its provider has it.
  const std::string by_provider = R"({"Field":"IndirectCloudSolutionProvider","Value":")" +
                                  DemoOf(kProvider).tenant_id + R"("})";
  auto via = server_.Get(
      reseller_, "/v1/customers?filter=" + httplib::detail::encode_query_param(by_provider));
  ASSERT_TRUE(via);
  EXPECT_NE(via->body.find("\"id\":\"" + id + "\""), std::string::npos);
}

TEST_F(CustomersCreateApiTest, AssociatedPartnerMustBeAPartneredResellerAndNothingIsCreated) {
  const int before = Count(provider_);
  for (const std::string& partner :
       {DemoOf(kOtherReseller).tenant_id, DemoOf(kDirect).tenant_id,
        std::string("0a0a0a0a-0000-4000-8000-000000000000"), std::string("not-a-guid")}) {
    CustomerFields f = Named("orphan", "Orphan Corp");
    f.associated_partner_id = partner;
    auto res = server_.Post(provider_, "/v1/customers", CustomerJson(f));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << partner << ": " << res->body;
    EXPECT_NE(JsonField(res->body, "/description").find("associatedPartnerId"), std::string::npos);
  }
  EXPECT_EQ(Count(provider_), before);
  auto free = server_.Head(provider_, "/v1/domains/orphan");
  ASSERT_TRUE(free);
  EXPECT_EQ(free->status, 404);
  // A direct-bill partner has no resellers either.
  CustomerFields f = Named("orphan2", "Orphan Two Corp");
  f.associated_partner_id = DemoOf(kReseller).tenant_id;
  auto direct = server_.Post(direct_, "/v1/customers", CustomerJson(f));
  ASSERT_TRUE(direct);
  EXPECT_EQ(direct->status, 400);
}

struct BadField {
  std::string expected_field;
  std::function<void(CustomerFields&)> spoil;
};

TEST_F(CustomersCreateApiTest, EachValidationFailureIs400NamingTheField) {
  const std::vector<BadField> cases = {
      {"companyProfile.domain", [](auto& f) { f.domain = ""; }},
      {"companyProfile.domain", [](auto& f) { f.domain = "bad_domain"; }},
      {"companyProfile.domain", [](auto& f) { f.domain = "-lead"; }},
      {"companyProfile.domain", [](auto& f) { f.domain = std::string(28, 'a'); }},
      {"billingProfile.companyName", [](auto& f) { f.company_name = ""; }},
      {"billingProfile.companyName", [](auto& f) { f.company_name = "X"; }},
      {"billingProfile.companyName", [](auto& f) { f.company_name = "   "; }},
      {"billingProfile.companyName", [](auto& f) { f.company_name = "!!!@@"; }},
      {"billingProfile.companyName", [](auto& f) { f.company_name = "1 2 3"; }},
      {"billingProfile.companyName", [](auto& f) { f.company_name = "LLC"; }},
      {"billingProfile.companyName", [](auto& f) { f.company_name = "Inc."; }},
      {"billingProfile.companyName", [](auto& f) { f.company_name = "999"; }},
      {"billingProfile.companyName", [](auto& f) { f.company_name = std::string(256, 'a') + "b"; }},
      {"billingProfile.firstName", [](auto& f) { f.first_name = ""; }},
      {"billingProfile.firstName", [](auto& f) { f.first_name = "A"; }},
      {"billingProfile.firstName", [](auto& f) { f.first_name = "test"; }},
      {"billingProfile.firstName", [](auto& f) { f.first_name = "12345"; }},
      {"billingProfile.lastName", [](auto& f) { f.last_name = std::string(41, 'b'); }},
      {"billingProfile.lastName", [](auto& f) { f.last_name = "Admin"; }},
      {"billingProfile.email", [](auto& f) { f.email = ""; }},
      {"billingProfile.email", [](auto& f) { f.email = "not-an-email"; }},
      {"billingProfile.email", [](auto& f) { f.email = "someone@microsoft.com"; }},
      {"billingProfile.email", [](auto& f) { f.email = "ops@tailspindirect.onmicrosoft.com"; }},
      {"billingProfile.language", [](auto& f) { f.language = "english"; }},
      {"billingProfile.culture", [](auto& f) { f.culture = "en_US"; }},
      {"billingProfile.culture", [](auto& f) { f.culture = "fr-FR"; }},
      {"billingProfile.defaultAddress.country", [](auto& f) { f.country = "USA"; }},
      {"billingProfile.defaultAddress.country", [](auto& f) { f.country = "XX"; }},
      {"billingProfile.defaultAddress.addressLine1", [](auto& f) { f.address_line1 = ""; }},
      {"billingProfile.defaultAddress.addressLine1",
       [](auto& f) { f.address_line1 = std::string(201, 'a'); }},
      {"billingProfile.defaultAddress.city", [](auto& f) { f.city = ""; }},
      {"billingProfile.defaultAddress.state", [](auto& f) { f.state = "WAS"; }},
      {"billingProfile.defaultAddress.postalCode", [](auto& f) { f.postal_code = ""; }},
      {"billingProfile.defaultAddress.phoneNumber",
       [](auto& f) {
         f.country = "RU";
         f.culture = "ru-RU";
         f.language = "ru";
         f.state = "";
       }},
      {"billingProfile.defaultAddress.phoneNumber", [](auto& f) { f.phone = "call me maybe"; }},
  };
  const int before = Count(direct_);
  for (const BadField& c : cases) {
    CustomerFields f = Named("validation", "Validation Corp");
    c.spoil(f);
    auto res = server_.Post(direct_, "/v1/customers", CustomerJson(f));
    ASSERT_TRUE(res);
    SCOPED_TRACE(c.expected_field + " " + res->body);
    EXPECT_EQ(res->status, 400);
    EXPECT_EQ(JsonField(res->body, "/code"), "800002");
    EXPECT_NE(JsonField(res->body, "/description").find("'" + c.expected_field + "'"),
              std::string::npos);
  }
  EXPECT_EQ(Count(direct_), before);
  // Russian customers with a phone number, and Cyrillic or CJK names, are fine.
  CustomerFields ru = Named("romashka", "ООО Ромашка");
  ru.country = "RU";
  ru.culture = "ru-RU";
  ru.language = "ru";
  ru.state = "";
  ru.phone = "+7 495 123-45-67";
  ru.first_name = "Иван";
  ru.last_name = "王";
  EXPECT_FALSE(Create(direct_, ru).empty());
}

TEST_F(CustomersCreateApiTest, MalformedBodiesAre400) {
  for (const std::string& body :
       {std::string("{not json"), std::string("[]"), std::string(R"({"billingProfile":{}})"),
        std::string(R"({"companyProfile":{"domain":5},"billingProfile":{}})"),
        std::string(R"({"companyProfile":{"domain":"x"},"billingProfile":{"email":"a@b.c"}})")}) {
    auto res = server_.Post(direct_, "/v1/customers", body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << body << " → " << res->body;
  }
}

TEST_F(CustomersCreateApiTest, DomainsAreUniqueAcrossCustomersAndPartners) {
  ASSERT_FALSE(Create(direct_, Named("taken", "Taken Corp")).empty());
  auto again = server_.Post(provider_, "/v1/customers", CustomerJson(Named("TAKEN", "Other Corp")));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409) << again->body;
  EXPECT_NE(JsonField(again->body, "/description").find("taken.onmicrosoft.com"),
            std::string::npos);
  // A partner's own sign-in domain is taken too.
  const std::string partner_prefix =
      DemoOf(kProvider).domain.substr(0, DemoOf(kProvider).domain.find('.'));
  auto partner =
      server_.Post(direct_, "/v1/customers", CustomerJson(Named(partner_prefix, "Copycat Corp")));
  ASSERT_TRUE(partner);
  EXPECT_EQ(partner->status, 409) << partner->body;

  for (const std::string& d :
       {std::string("taken"), std::string("Taken.onmicrosoft.com"), partner_prefix}) {
    auto head = server_.Head(reseller_, "/v1/domains/" + d);
    ASSERT_TRUE(head);
    EXPECT_EQ(head->status, 200) << d;
    EXPECT_TRUE(head->body.empty());
  }
  auto free = server_.Head(reseller_, "/v1/domains/free-one");
  ASSERT_TRUE(free);
  EXPECT_EQ(free->status, 404);
  auto bad = server_.Head(reseller_, "/v1/domains/bad_domain!");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST_F(CustomersCreateApiTest, TwoConcurrentCreatesOfOneDomainMakeExactlyOneCustomer) {
  for (int round = 0; round < 3; ++round) {
    const std::string domain = "race" + std::to_string(round);
    std::vector<int> statuses(2, 0);
    std::vector<std::thread> threads;
    const std::string tokens[2] = {direct_, provider_};
    for (int i = 0; i < 2; ++i) {
      threads.emplace_back([&, i] {
        auto res =
            server_.Post(tokens[i], "/v1/customers",
                         CustomerJson(Named(domain, "Racer " + std::to_string(i) + " Corp")));
        statuses[i] = res ? res->status : -1;
      });
    }
    for (auto& t : threads) t.join();
    std::multiset<int> got(statuses.begin(), statuses.end());
    EXPECT_EQ(got, (std::multiset<int>{201, 409})) << domain;
  }
}

TEST_F(CustomersCreateApiTest, CreateIsIdempotentByRequestId) {
  const std::string body = CustomerJson(Named("idem", "Idempotent Corp"));
  const httplib::Headers rid = {{"MS-RequestId", "0f8fad5b-d9cb-469f-a165-70867728950e"}};
  const int before = Count(direct_);
  auto first = server_.Post(direct_, "/v1/customers", body, rid);
  auto second = server_.Post(direct_, "/v1/customers", body, rid);
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_EQ(first->status, 201);
  EXPECT_EQ(second->status, 201);
  EXPECT_EQ(second->body, first->body);  // the same customer and the same one-time password
  EXPECT_EQ(Count(direct_), before + 1);
  auto other =
      server_.Post(direct_, "/v1/customers", CustomerJson(Named("idem2", "Other Corp")), rid);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 422);
  EXPECT_EQ(Count(direct_), before + 1);
}

}  // namespace
}  // namespace csphub::testing
