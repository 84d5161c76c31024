// The portal's built files served beside the API (http/static_files.cpp), over real sockets:
// cache headers, content types, the single-page-app fallback, API 404s kept, no traversal.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "http/static_files.hpp"
#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kIndex = "<!doctype html><title>csphub</title><div id=root></div>";
constexpr const char* kSecret = "not-for-the-web";

void Write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// Bytes that tell where they are: a body cut short, doubled or reordered does not compare equal.
std::string Patterned(std::size_t size) {
  std::string text;
  text.reserve(size);
  for (std::size_t i = 0; text.size() < size; ++i) text += std::to_string(i) + ',';
  text.resize(size);
  return text;
}

// A stand-in for `vite build`'s output in a new temp directory, with a secret file beside
// (outside) it and a symlink to that secret inside.
fs::path MakePortalFiles() {
  const fs::path root = TempDir();
  Write(root / "dist" / "index.html", kIndex);
  Write(root / "dist" / "assets" / "index-3f9a1c.js", "console.log('portal');");
  Write(root / "dist" / "assets" / "index-77b2e0.css", "body{margin:0}");
  Write(root / "dist" / "favicon.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
  Write(root / "dist" / "assets" / "big-9d0e11.js", Patterned(70'001));
  Write(root / "dist" / "assets" / "huge-5c2a07.js", Patterned(3'000'007));
  Write(root / "secret.txt", kSecret);
  fs::create_symlink(root / "secret.txt", root / "dist" / "linked.txt");
  return root;
}

class PortalFiles : public ::testing::Test {
 protected:
  ~PortalFiles() override { fs::remove_all(root_); }

  const fs::path root_ = MakePortalFiles();  // before server_, which loads it
  TestServer server_{[this](app::Config& c) { c.portal_dir = (root_ / "dist").string(); }};
};

httplib::Headers AcceptHtml() { return {{"Accept", "text/html,application/xhtml+xml,*/*"}}; }

TEST_F(PortalFiles, IndexIsServedAtTheRootAndRevalidated) {
  auto res = server_.Client().Get("/", AcceptHtml());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->body, kIndex);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-cache");
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
}

TEST_F(PortalFiles, HashedAssetsAreImmutableWithTheirContentTypes) {
  auto js = server_.Client().Get("/assets/index-3f9a1c.js");
  ASSERT_EQ(js->status, 200);
  EXPECT_EQ(js->body, "console.log('portal');");
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(js->get_header_value("X-Content-Type-Options"), "nosniff");
  auto css = server_.Client().Get("/assets/index-77b2e0.css");
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  auto svg = server_.Client().Get("/favicon.svg");
  EXPECT_EQ(svg->get_header_value("Content-Type"), "image/svg+xml");
  EXPECT_EQ(svg->get_header_value("Cache-Control"), "no-cache");  // not hashed
}

TEST_F(PortalFiles, PagePathsGetIndexHtmlWhenTheBrowserAsksForAPage) {
  auto deep = server_.Client().Get("/customers/c1111111-0000-4000-8000-000000000001", AcceptHtml());
  ASSERT_EQ(deep->status, 200);
  EXPECT_EQ(deep->body, kIndex);
  // Not a page request (a script's fetch): a 404, not HTML it would try to parse.
  auto fetch = server_.Client().Get("/customers", {{"Accept", "application/json"}});
  EXPECT_EQ(fetch->status, 404);
  // A missing hashed asset is a 404 even for a browser.
  EXPECT_EQ(server_.Client().Get("/assets/index-000000.js", AcceptHtml())->status, 404);
  // Other methods are not pages.
  EXPECT_EQ(server_.Client().Post("/customers", "", "text/plain")->status, 404);
}

TEST_F(PortalFiles, ApiPathsKeepTheirJson404s) {
  for (const char* path : {"/v1/nothing-here", "/admin/v1/nothing", "/v1",
                           "/11111111-1111-4111-8111-111111111111/oauth2/v2.0/nothing"}) {
    auto res = server_.Client().Get(path, AcceptHtml());
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    EXPECT_EQ(JsonField(res->body, "/description"), "No such resource.") << path;
  }
  // The API itself is unchanged.
  EXPECT_EQ(server_.Client().Get("/healthz")->status, 200);
  EXPECT_EQ(server_.Client().Get("/v1/me")->status, 401);
}

TEST_F(PortalFiles, NoPathReachesOutsideTheDirectory) {
  for (const char* path :
       {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/linked.txt", "//secret.txt"}) {
    auto res = server_.Client().Get(path, AcceptHtml());
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->body.find(kSecret), std::string::npos) << path;
    EXPECT_TRUE(res->status == 404 || res->status == 400 || res->body == kIndex)
        << path << " " << res->status;
  }
}

// Bodies over 64 KB go to the socket in one write (http/whole_response_write.hpp), and over the
// socket's send buffer in as many as it takes: every byte arrives, in order, and the connection
// serves the next request after them.
TEST_F(PortalFiles, LargeFilesArriveWholeOnOneConnection) {
  auto client = server_.Client();
  client.set_keep_alive(true);
  for (int round = 0; round < 2; ++round) {
    for (const auto& [path, size] : {std::pair{"/assets/big-9d0e11.js", 70'001},
                                     std::pair{"/assets/huge-5c2a07.js", 3'000'007}}) {
      auto res = client.Get(path);
      ASSERT_TRUE(res) << path;
      ASSERT_EQ(res->status, 200) << path;
      ASSERT_EQ(res->body.size(), static_cast<std::size_t>(size)) << path;
      EXPECT_TRUE(res->body == Patterned(size)) << path;
    }
  }
  EXPECT_EQ(client.Get("/healthz")->status, 200);
}

TEST(PortalFilesMissing, TheApiRunsAndTheReasonSaysHowToBuildThePortal) {
  const std::string missing = TempDir() + "/no-dist";
  auto loaded = http::StaticFiles::Load(missing);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().description().find("make build"), std::string::npos);
  EXPECT_NE(loaded.status().description().find(missing), std::string::npos);
  TestServer server([&](app::Config& c) { c.portal_dir = missing; });
  EXPECT_EQ(server.Client().Get("/", AcceptHtml())->status, 404);
  EXPECT_EQ(server.Client().Get("/healthz")->status, 200);
}

}  // namespace
}  // namespace csphub::testing
