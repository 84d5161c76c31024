// POST /v1/customers/{id}/users/import (the portal's CSV upload, reference §2.9) over real
// sockets: structure errors refuse the whole file and change nothing, row errors are reported in
// the row's "Status update" while the other rows are imported, the temporary passwords are
// downloadable once (and only by the importing partner), and the delegated-admin gate.
#include <gtest/gtest.h>

#include "support/directory_fixture.hpp"

namespace csphub::testing {
namespace {

constexpr const char* kHeader = "First name,Last name,Display name,Email,Status update\r\n";

class UserImportApiTest : public DirectoryApiBase {
 protected:
  httplib::Result Import(const std::string& token, const std::string& csv,
                         std::size_t customer = kLitware, const std::string& location = "US") {
    std::string path = Users(customer) + "/import";
    if (!location.empty()) path += "?usageLocation=" + location;
    return server_.Client().Post(path, {{"Authorization", "Bearer " + token}}, csv, "text/csv");
  }
  httplib::Result Passwords(const std::string& token, const std::string& download) {
    return server_.Get(token, "/v1/userimports/passwords", {{"CSPHub-Passwords-Token", download}});
  }
  std::string Row(const std::string& local, const std::string& display = "A User") {
    return "Ann,Lee," + display + "," + Upn(local) + ",\r\n";
  }
  std::string admin_ = server_.UserToken(kProvider, kGlobalAdmin);
};

TEST_F(UserImportApiTest, StructureErrorsRefuseTheWholeFileAndChangeNothing) {
  const int before = Count(Users());
  std::string too_many = kHeader;
  for (int i = 0; i < 101; ++i) too_many += Row("bulk" + std::to_string(i));
  const std::string cases[] = {
      "",                                                                // empty
      "First name,Last name,Display name,Status update\r\n" + Row("a"),  // no Email
      "First name,Last name,Display name,Email,Status update,Title\r\n" + Row("b"),
      "Email,Email,Display name\r\n",  // repeated column
      std::string(kHeader) + Row("c") + "Ann,Lee,X," + Upn("d") + ",,extra\r\n",
      std::string(kHeader) + "Ann,Lee,\"never closed," + Upn("e") + ",\r\n",
      std::string("PK\x03\x04\0\0binary", 12),  // a spreadsheet, not CSV (12 bytes, NULs included)
      too_many,
  };
  for (const std::string& csv : cases) {
    SCOPED_TRACE(csv.substr(0, 60));
    EXPECT_EQ(Outcome(Import(admin_, csv)), "400 700302");
  }
  EXPECT_EQ(Count(Users()), before);
  // A JSON body is refused the same way; a missing usage location names the parameter.
  auto json = server_.Post(admin_, Users() + "/import?usageLocation=US", "{}");
  EXPECT_EQ(Outcome(json), "400 700302");
  auto no_location = Import(admin_, std::string(kHeader) + Row("f"), kLitware, "");
  EXPECT_EQ(Outcome(no_location), "400 800002");
  EXPECT_NE(JsonField(no_location->body, "/description").find("usageLocation"), std::string::npos);
  EXPECT_EQ(Count(Users()), before);
}

TEST_F(UserImportApiTest, RowErrorsAreListedPerRowAndTheOtherRowsAreImported) {
  CreateUser("taken");
  const int before = Count(Users());
  const std::string csv = std::string(kHeader) + Row("new.one") +
                          "Ann,Lee,A User,someone@elsewhere.example,\r\n" +  // other domain
                          "Ann,Lee,," + Upn("no.display") + ",\r\n" +        // display missing
                          Row("new.one") +                                   // repeated
                          Row("taken") +                                     // exists
                          "Ann,Lee,A User," + Upn("filled") + ",Created\r\n" +
                          Row("too.long", std::string(51, 'x')) +
                          "Bo,\"O'Neil, Jr\",\"Bo \"\"B\"\" O'Neil\"," + Upn("Bo.Oneil") + ",\r\n";
  auto res = Import(admin_, csv);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(res->get_header_value("CSPHub-Users-Created"), "2");
  EXPECT_EQ(res->get_header_value("CSPHub-Users-Failed"), "6");
  std::vector<std::string> lines;
  for (std::size_t at = 0, end; (end = res->body.find("\r\n", at)) != std::string::npos;
       at = end + 2) {
    lines.push_back(res->body.substr(at, end - at));
  }
  ASSERT_EQ(lines.size(), 9u) << res->body;
  EXPECT_EQ(lines[0] + "\r\n", kHeader);
  EXPECT_EQ(lines[1], "Ann,Lee,A User," + Upn("new.one") + ",Created");
  EXPECT_NE(lines[2].find("customer's domains"), std::string::npos) << lines[2];
  EXPECT_NE(lines[3].find("Display name is required"), std::string::npos) << lines[3];
  EXPECT_NE(lines[4].find("repeated in the file"), std::string::npos) << lines[4];
  EXPECT_NE(lines[5].find("already exists"), std::string::npos) << lines[5];
  EXPECT_NE(lines[6].find("Status update must be empty"), std::string::npos) << lines[6];
  EXPECT_NE(lines[7].find("at most 50 characters"), std::string::npos) << lines[7];
  EXPECT_EQ(lines[8], "Bo,\"O'Neil, Jr\",\"Bo \"\"B\"\" O'Neil\"," + Upn("Bo.Oneil") + ",Created");
  EXPECT_EQ(Count(Users()), before + 2);
  // The imported users carry the file's usage location and names as given.
  auto list = server_.Get(provider_, Users() + "?size=500");
  ASSERT_TRUE(list);
  EXPECT_NE(list->body.find(R"("displayName":"Bo \"B\" O'Neil")"), std::string::npos);
  EXPECT_NE(list->body.find(R"("usageLocation":"US")"), std::string::npos);
}

TEST_F(UserImportApiTest, TemporaryPasswordsAreDownloadableOnceByTheImportingPartnerOnly) {
  auto res = Import(admin_, std::string(kHeader) + Row("first.user") + Row("second.user"));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const std::string download = res->get_header_value("CSPHub-Passwords-Token");
  ASSERT_EQ(download.size(), 43u);
  // The result file never holds a password.
  EXPECT_EQ(res->body.find("temporaryPassword"), std::string::npos);
  // Another partner's Global admin holding the token gets nothing, and takes nothing.
  const std::string contoso = server_.UserToken(kReseller, kGlobalAdmin);
  EXPECT_EQ(Outcome(Passwords(contoso, download)), "404 700303");
  EXPECT_EQ(Outcome(Passwords(admin_, "not-the-token")), "404 700303");
  auto got = Passwords(admin_, download);
  ASSERT_TRUE(got);
  ASSERT_EQ(got->status, 200) << got->body;
  EXPECT_EQ(got->get_header_value("Cache-Control"), "no-store");
  ASSERT_EQ(got->body.rfind("userPrincipalName,temporaryPassword\r\n", 0), 0u) << got->body;
  const std::string prefix = Upn("first.user") + ",";
  const auto at = got->body.find(prefix);
  ASSERT_NE(at, std::string::npos) << got->body;
  const std::string password = got->body.substr(at + prefix.size(), 16);
  // The password works, and must be changed at first sign-in.
  const std::string token =
      server_.CustomerToken(DemoCustomerId(kLitware), Upn("first.user"), password);
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(JsonField(server_.Get(token, "/v1/customertenant/partners")->body, "/code"), "700101");
  // Once only.
  EXPECT_EQ(Outcome(Passwords(admin_, download)), "404 700303");
  // A file with nothing imported makes no download.
  auto none = Import(admin_, std::string(kHeader) + Row("first.user"));
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 200);
  EXPECT_EQ(none->get_header_value("CSPHub-Passwords-Token"), "");
  EXPECT_EQ(none->get_header_value("CSPHub-Users-Created"), "0");
}

TEST_F(UserImportApiTest, DelegatedAdminIsRequired) {
  const std::string csv = std::string(kHeader) + "Ann,Lee,A User,ann@adatum.onmicrosoft.com,\r\n";
  // Never related: 404. Contoso's Global admin, with delegated admin on Adatum, imports.
  EXPECT_EQ(Outcome(Import(server_.UserToken(kOtherReseller, kGlobalAdmin), csv, 0)), "404 1000");
  const std::string contoso = server_.UserToken(kReseller, kGlobalAdmin);
  auto ok = Import(contoso, csv, 0);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  // The customer revokes it: 403 700213, and the file is not even read.
  const auto& adatum = app::Demo().customers[0];
  const std::string customer = server_.CustomerToken(
      adatum.tenant_id, adatum.admin_user_principal_name, adatum.admin_password);
  auto revoked = server_.Delete(
      customer, "/v1/customertenant/partners/" + DemoOf(kReseller).tenant_id + "/delegatedadmin");
  ASSERT_TRUE(revoked);
  ASSERT_EQ(revoked->status, 204);
  EXPECT_EQ(Outcome(Import(contoso, csv, 0)), "403 700213");
  EXPECT_EQ(Outcome(Import(contoso, "not,a,valid,header\r\n", 0)), "403 700213");
}

}  // namespace
}  // namespace csphub::testing
