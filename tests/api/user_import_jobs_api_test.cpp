// /v1/userimports (bulk import jobs) over real sockets: a file sent in parts for several
// customers, polled until done, per-row results with the temporary passwords in the first
// download only; a dry run that creates nothing; structure errors that leave no job; and who
// may see a job.
#include <gtest/gtest.h>

#include <thread>

#include "support/directory_fixture.hpp"

namespace csphub::testing {
namespace {

class UserImportJobsApiTest : public DirectoryApiBase {
 protected:
  httplib::Result PostCsv(const std::string& token, const std::string& path,
                          const std::string& csv) {
    return server_.Client().Post(path, {{"Authorization", "Bearer " + token}}, csv, "text/csv");
  }
  // Polls until the job completes (or 30 s); returns its last JSON.
  std::string WaitForJob(const std::string& id) {
    std::string body;
    for (int i = 0; i < 600; ++i) {
      auto res = server_.Get(admin_, "/v1/userimports/" + id);
      if (!res || res->status != 200) return res ? res->body : "no answer";
      body = res->body;
      if (JsonField(body, "/state") == "completed") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return body;
  }
  static std::vector<std::string> Lines(const std::string& csv) {
    std::vector<std::string> out;
    for (std::size_t at = 0, end; (end = csv.find("\r\n", at)) != std::string::npos; at = end + 2) {
      out.push_back(csv.substr(at, end - at));
    }
    return out;
  }
  std::string admin_ = server_.UserToken(kProvider, kGlobalAdmin);
};

TEST_F(UserImportJobsApiTest, AJobInPartsAcrossCustomersIsPolledAndReportsEveryRow) {
  const std::string litware = DemoCustomerId(kLitware), wingtip = DemoCustomerId(1);
  const std::string fourth = app::Demo().customers[3].tenant_id;  // Tailspin's, not ours
  auto started = PostCsv(admin_, "/v1/userimports?usageLocation=US&complete=false",
                         "Customer ID,First name,Last name,Display name,Email,Usage location\r\n" +
                             litware + ",Ann,Lee,Ann Lee," + Upn("ann.bulk") + ",\r\n" + wingtip +
                             ",Bo,Li,Bo Li,bo.bulk@" + app::Demo().customers[1].domain + ",GB\r\n");
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 202) << started->body;
  const std::string id = JsonField(started->body, "/id");
  EXPECT_EQ(started->get_header_value("Location"), "/v1/userimports/" + id);
  EXPECT_EQ(JsonField(started->body, "/state"), "receiving");
  EXPECT_EQ(JsonField(started->body, "/totalRows"), "2");
  auto last = PostCsv(admin_, "/v1/userimports/" + id + "/rows?complete=true",
                      fourth + ",Cy,Ng,Cy Ng,cy@" + app::Demo().customers[3].domain + ",\r\n" +
                          litware + ",Di,Ko,Di Ko," + Upn("di.bulk") + ",ZZ\r\n" + litware +
                          ",Ed,Wu,Ed Wu," + Upn("ed.bulk") + ",\r\n");
  ASSERT_TRUE(last);
  ASSERT_EQ(last->status, 202) << last->body;
  EXPECT_EQ(JsonField(last->body, "/totalRows"), "5");
  const std::string done = WaitForJob(id);
  ASSERT_EQ(JsonField(done, "/state"), "completed") << done;
  EXPECT_EQ(JsonField(done, "/processedRows"), "5");
  EXPECT_EQ(JsonField(done, "/createdRows"), "3");
  EXPECT_EQ(JsonField(done, "/failedRows"), "2");
  // A completed job takes no more rows.
  EXPECT_EQ(Outcome(PostCsv(admin_, "/v1/userimports/" + id + "/rows", "")), "409 700302");

  auto results = server_.Get(admin_, "/v1/userimports/" + id + "/results");
  ASSERT_TRUE(results);
  ASSERT_EQ(results->status, 200) << results->body;
  EXPECT_EQ(results->get_header_value("CSPHub-Passwords"), "included");
  const auto lines = Lines(results->body);
  ASSERT_EQ(lines.size(), 6u) << results->body;
  EXPECT_EQ(lines[0],
            "Row,Customer ID,Email,Display name,Status,Message,User ID,Temporary password");
  EXPECT_NE(lines[1].find(",Created,,"), std::string::npos) << lines[1];
  EXPECT_NE(lines[2].find(",Created,,"), std::string::npos) << lines[2];
  EXPECT_NE(lines[3].find(",Failed,"), std::string::npos) << lines[3];
  EXPECT_NE(lines[4].find("Usage location"), std::string::npos) << lines[4];
  EXPECT_NE(lines[5].find(",Created,,"), std::string::npos) << lines[5];
  const std::string password = lines[1].substr(lines[1].size() - 16);
  const std::string token = server_.CustomerToken(litware, Upn("ann.bulk"), password);
  EXPECT_FALSE(token.empty()) << "the first download's password signs in";
  // Bo's usage location is his row's; the others the job's.
  auto users = server_.Get(admin_, "/v1/customers/" + wingtip + "/users");
  ASSERT_TRUE(users);
  EXPECT_NE(users->body.find(R"("usageLocation":"GB")"), std::string::npos);
  // The second download has no passwords: they were erased.
  auto again = server_.Get(admin_, "/v1/userimports/" + id + "/results");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->get_header_value("CSPHub-Passwords"), "not-included");
  EXPECT_EQ(again->body.find(password), std::string::npos);
  EXPECT_EQ(JsonField(WaitForJob(id), "/passwordsTaken"), "true");
  // Another partner cannot see the job.
  const std::string contoso = server_.UserToken(kReseller, kGlobalAdmin);
  EXPECT_EQ(Outcome(server_.Get(contoso, "/v1/userimports/" + id)), "404 1000");
  EXPECT_EQ(Outcome(server_.Get(contoso, "/v1/userimports/" + id + "/results")), "404 1000");
}

TEST_F(UserImportJobsApiTest, ADryRunChecksEveryRowAndCreatesNothing) {
  CreateUser("exists");
  const int before = Count(Users());
  const std::string csv = "First name,Last name,Display name,Email\r\nAnn,Lee,Ann," +
                          Upn("dry.one") + "\r\nAnn,Lee,Ann," + Upn("dry.one") +
                          "\r\nAnn,Lee,Ann," + Upn("exists") + "\r\nAnn,Lee,," + Upn("nodisplay") +
                          "\r\nAnn,Lee,Ann," + Upn("dry.two") + "\r\n";
  auto res = PostCsv(
      admin_, "/v1/userimports?dryRun=true&usageLocation=US&customerId=" + DemoCustomerId(kLitware),
      csv);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 202) << res->body;
  EXPECT_EQ(JsonField(res->body, "/dryRun"), "true");
  const std::string done = WaitForJob(JsonField(res->body, "/id"));
  ASSERT_EQ(JsonField(done, "/state"), "completed") << done;
  EXPECT_EQ(JsonField(done, "/validRows"), "2");
  EXPECT_EQ(JsonField(done, "/createdRows"), "0");
  EXPECT_EQ(JsonField(done, "/failedRows"), "3");
  EXPECT_EQ(Count(Users()), before);
  auto results = server_.Get(admin_, "/v1/userimports/" + JsonField(done, "/id") + "/results");
  ASSERT_TRUE(results);
  const auto lines = Lines(results->body);
  ASSERT_EQ(lines.size(), 6u) << results->body;
  EXPECT_NE(lines[1].find(",Valid,"), std::string::npos);
  EXPECT_NE(lines[2].find("repeated in the file (row 1"), std::string::npos) << lines[2];
  EXPECT_NE(lines[3].find("already exists"), std::string::npos) << lines[3];
  EXPECT_NE(lines[4].find("Display name is required"), std::string::npos) << lines[4];
  EXPECT_NE(lines[5].find(",Valid,"), std::string::npos);
  EXPECT_EQ(results->get_header_value("CSPHub-Passwords"), "not-included");
}

TEST_F(UserImportJobsApiTest, StructureErrorsLeaveNoJob) {
  const std::string with_customer = "/v1/userimports?customerId=" + DemoCustomerId(kLitware);
  EXPECT_EQ(Outcome(PostCsv(admin_, with_customer, "First name,Email\r\n")), "400 700302");
  EXPECT_EQ(Outcome(PostCsv(admin_, with_customer, "")), "400 700302");
  EXPECT_EQ(Outcome(PostCsv(admin_, with_customer,
                            "First name,Last name,Display name,Email,Manager\r\n")),
            "400 700302");
  // No customer for the rows: no column and no customerId.
  EXPECT_EQ(
      Outcome(PostCsv(admin_, "/v1/userimports",
                      "First name,Last name,Display name,Email\r\nA,B,C," + Upn("x") + "\r\n")),
      "400 700302");
  EXPECT_EQ(Outcome(PostCsv(admin_, with_customer + "&usageLocation=XX",
                            "First name,Last name,Display name,Email\r\n")),
            "400 800002");
  EXPECT_EQ(Outcome(server_.Get(admin_, "/v1/userimports/00000000-0000-4000-8000-000000000009")),
            "404 1000");
}

TEST_F(UserImportJobsApiTest, TheDefaultCustomerNeedsDelegatedAdmin) {
  const std::string header = "First name,Last name,Display name,Email\r\n";
  const std::string other = server_.UserToken(kOtherReseller, kGlobalAdmin);
  EXPECT_EQ(
      Outcome(PostCsv(other, "/v1/userimports?customerId=" + DemoCustomerId(kLitware), header)),
      "404 1000");
  const std::string contoso = server_.UserToken(kReseller, kGlobalAdmin);
  const std::string adatum = "/v1/userimports?customerId=" + DemoCustomerId(0);
  EXPECT_EQ(Outcome(PostCsv(contoso, adatum, header)), "202 ");
  const auto& c = app::Demo().customers[0];
  const std::string customer =
      server_.CustomerToken(c.tenant_id, c.admin_user_principal_name, c.admin_password);
  auto revoked = server_.Delete(
      customer, "/v1/customertenant/partners/" + DemoOf(kReseller).tenant_id + "/delegatedadmin");
  ASSERT_TRUE(revoked);
  ASSERT_EQ(revoked->status, 204);
  EXPECT_EQ(Outcome(PostCsv(contoso, adatum, header)), "403 700213");
  // Rows naming a customer without delegated admin fail one by one, with the reason.
  auto res = PostCsv(contoso, "/v1/userimports?usageLocation=US",
                     "Customer ID,First name,Last name,Display name,Email\r\n" + c.tenant_id +
                         ",A,B,C,x@" + c.domain + "\r\n");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 202) << res->body;
  std::string body;
  for (int i = 0; i < 600 && JsonField(body, "/state") != "completed"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    body = server_.Get(contoso, "/v1/userimports/" + JsonField(res->body, "/id"))->body;
  }
  EXPECT_EQ(JsonField(body, "/failedRows"), "1") << body;
}

}  // namespace
}  // namespace csphub::testing
