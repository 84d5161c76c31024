// `csphub users import`, run as a real process on the test server's SQLite file (beside the
// server's own import worker): a dry run creates nothing, a real run creates the valid rows,
// prints the summary and writes the passwords to a new 0600 file.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "support/cli_runner.hpp"
#include "support/directory_fixture.hpp"

namespace csphub::testing {
namespace {

class UserImportCliTest : public DirectoryApiBase {
 protected:
  CliResult Import(const std::string& args) {
    return RunCli("users import --database " + server_.app().config().database + " --partner " +
                  DemoOf(kProvider).tenant_id + " --customer " + DemoCustomerId(kLitware) +
                  " --usage-location US " + args);
  }
  std::string dir_ = TempDir();
};

TEST_F(UserImportCliTest, DryRunThenImportWithASummaryAndAPrivatePasswordsFile) {
  const std::string file = dir_ + "/users.csv";
  std::ofstream(file) << "First name,Last name,Display name,Email\r\n"
                      << "Ann,Lee,Ann Lee," << Upn("cli.ann") << "\r\n"
                      << "Bo,Li,\"Li, Bo\"," << Upn("cli.bo") << "\r\n"
                      << "Cy,Ng,Cy Ng,cy@elsewhere.example\r\n"
                      << "Di,Ko,Di Ko," << Upn("cli.di");  // no final line break
  const int before = Count(Users());
  CliResult r = Import("--dry-run " + file);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("created 0, failed 1, skipped 3"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("row 3: "), std::string::npos) << r.output;
  EXPECT_EQ(Count(Users()), before);
  EXPECT_FALSE(std::filesystem::exists(file + ".passwords.csv"));

  r = Import(file);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("created 3, failed 1, skipped 0"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("progress: "), std::string::npos) << "plain lines off a TTY";
  EXPECT_EQ(Count(Users()), before + 3);
  struct stat st {};
  ASSERT_EQ(::stat((file + ".passwords.csv").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::ifstream in(file + ".passwords.csv");
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(all.rfind("userPrincipalName,temporaryPassword\r\n", 0), 0u) << all;
  EXPECT_NE(all.find(Upn("cli.di") + ","), std::string::npos) << all;
  EXPECT_EQ(std::count(all.begin(), all.end(), '\n'), 4);

  // The passwords file is never overwritten.
  r = Import(file);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("exists"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace csphub::testing
