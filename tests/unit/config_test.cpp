#include "app/config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace csphub::app {
namespace {

class TempFile {
 public:
  explicit TempFile(const std::string& content) {
    char tmpl[] = "/tmp/csphub_config_test_XXXXXX";
    const int fd = mkstemp(tmpl);
    path_ = tmpl;
    if (fd >= 0) close(fd);
    std::ofstream(path_) << content;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void ExpectInvalid(const Config& c, const std::string& needle) {
  const Status s = Validate(c);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << needle;
  EXPECT_NE(s.description().find(needle), std::string::npos) << s.description();
}

// A config file with `json` is refused, and the message names `needle`.
void ExpectFileRejected(const std::string& json, const std::string& needle) {
  TempFile f(json);
  Config c;
  const Status s = LoadConfigFile(f.path(), c);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << json;
  EXPECT_NE(s.description().find(needle), std::string::npos) << s.description();
}

TEST(ConfigTest, DefaultsAreValid) {
  const Config c;
  EXPECT_TRUE(Validate(c).ok()) << Validate(c).description();
  EXPECT_EQ(c.host(), "127.0.0.1");
  EXPECT_EQ(c.port(), 8080u);
}

TEST(ConfigTest, RejectsBadListen) {
  for (const char* listen : {"nocolon", ":8080", "127.0.0.1:70000", "127.0.0.1:abc"}) {
    Config c;
    c.listen = listen;
    ExpectInvalid(c, "listen");
  }
}

TEST(ConfigTest, RejectsTinyBodyLimit) {
  Config c;
  c.body_limit_bytes = 10;
  ExpectInvalid(c, "body_limit_bytes");
}

TEST(ConfigTest, RejectsShortSigningKey) {
  Config c;
  c.token_signing_key = "short";
  ExpectInvalid(c, "token_signing_key");
  c.token_signing_key = std::string(32, 'k');
  EXPECT_TRUE(Validate(c).ok());
}

TEST(ConfigTest, OtherRanges) {
  Config c;
  c.threads = 0;
  ExpectInvalid(c, "threads");
  c = Config();
  c.token_ttl_seconds = 10;
  ExpectInvalid(c, "token_ttl_seconds");
  c = Config();
  c.log_level = "verbose";
  ExpectInvalid(c, "log_level");
  c = Config();
  c.read_timeout_ms = 1;
  ExpectInvalid(c, "timeouts");
}

TEST(ConfigTest, DemoOnlyOnLoopback) {
  Config c;
  c.demo = true;
  EXPECT_TRUE(Validate(c).ok());
  c.listen = "0.0.0.0:8080";
  ExpectInvalid(c, "demo_allow_remote");
  c.demo_allow_remote = true;
  EXPECT_TRUE(Validate(c).ok());
}

TEST(ConfigTest, LoadFile) {
  TempFile f(R"({
    "listen": "0.0.0.0:9000",
    "threads": 8,
    "body_limit_bytes": 4096,
    "demo": true,
    "token_signing_key": "0123456789abcdef0123456789abcdef",
    "rate_limits": {"customers": {"requests_per_minute": 50, "burst": 5}, "new": {"requests_per_minute": 7}}
  })");
  Config c;
  const Status s = LoadConfigFile(f.path(), c);
  ASSERT_TRUE(s.ok()) << s.description();
  EXPECT_EQ(c.listen, "0.0.0.0:9000");
  EXPECT_EQ(c.threads, 8);
  EXPECT_EQ(c.body_limit_bytes, 4096u);
  EXPECT_TRUE(c.demo);
  EXPECT_EQ(c.token_signing_key, "0123456789abcdef0123456789abcdef");
  EXPECT_EQ(c.database, "csphub.sqlite");  // untouched
  EXPECT_EQ(c.rate_limits["customers"].requests_per_minute, 50);
  EXPECT_EQ(c.rate_limits["customers"].burst, 5);
  EXPECT_EQ(c.rate_limits["new"].requests_per_minute, 7);
  EXPECT_EQ(c.rate_limits["new"].burst, 0);
  EXPECT_EQ(c.rate_limits["orders"].requests_per_minute, 500);  // defaults kept
}

TEST(ConfigTest, LoadFileWrongTypeNamesKey) {
  ExpectFileRejected(R"({"threads": [1, 2]})", "threads");
}

TEST(ConfigTest, LoadFileBadValueNamesKey) {
  ExpectFileRejected(R"({"threads": "many"})", "threads");
}

TEST(ConfigTest, LoadFileRejectsFractionalNumbers) {
  ExpectFileRejected(R"({"threads": 1.5})", "'threads' must be a whole number");
}

TEST(ConfigTest, LoadFileRejectsNonIntegerBurst) {
  ExpectFileRejected(R"({"rate_limits": {"customers": {"requests_per_minute": 60, "burst": "x"}}})",
                     "customers.burst");
}

TEST(ConfigTest, LoadFileBadRateLimits) {
  ExpectFileRejected(R"({"rate_limits": {"customers": {"burst": 5}}})", "customers");
}

TEST(ConfigTest, LoadFileMissingOrMalformed) {
  Config c;
  EXPECT_EQ(LoadConfigFile("/nonexistent/csphub.json", c).code(), StatusCode::kInvalidArgument);
  TempFile f("{not json");
  EXPECT_EQ(LoadConfigFile(f.path(), c).code(), StatusCode::kInvalidArgument);
}

TEST(ConfigTest, LoadEnv) {
  ASSERT_EQ(setenv("CSPHUB_THREADS", "12", 1), 0);
  ASSERT_EQ(setenv("CSPHUB_DEMO", "true", 1), 0);
  ASSERT_EQ(setenv("CSPHUB_RATE_LIMITS", "customers=42,auth=60/10", 1), 0);
  Config c;
  const Status s = LoadConfigEnv(c);
  unsetenv("CSPHUB_THREADS");
  unsetenv("CSPHUB_DEMO");
  unsetenv("CSPHUB_RATE_LIMITS");
  ASSERT_TRUE(s.ok()) << s.description();
  EXPECT_EQ(c.threads, 12);
  EXPECT_TRUE(c.demo);
  EXPECT_EQ(c.rate_limits["customers"].requests_per_minute, 42);
  EXPECT_EQ(c.rate_limits["customers"].burst, 0);
  EXPECT_EQ(c.rate_limits["auth"].requests_per_minute, 60);
  EXPECT_EQ(c.rate_limits["auth"].burst, 10);
}

TEST(ConfigTest, LoadEnvRejectsBadValues) {
  ASSERT_EQ(setenv("CSPHUB_THREADS", "lots", 1), 0);
  Config c;
  Status s = LoadConfigEnv(c);
  unsetenv("CSPHUB_THREADS");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.description().find("CSPHUB_THREADS"), std::string::npos) << s.description();

  ASSERT_EQ(setenv("CSPHUB_RATE_LIMITS", "customers", 1), 0);
  s = LoadConfigEnv(c);
  unsetenv("CSPHUB_RATE_LIMITS");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace csphub::app
