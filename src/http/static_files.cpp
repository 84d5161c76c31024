#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace csphub::http {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kHashedPrefix = "/assets/";
// Vite puts a content hash in every name under assets/: a changed file gets a new name, so a
// browser may keep these for a year without asking again.
constexpr const char* kImmutable = "public, max-age=31536000, immutable";
// index.html (and the few unhashed files beside it) names the current assets: always revalidate.
constexpr const char* kRevalidate = "no-cache";

std::string ContentType(const fs::path& file) {
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
  };
  const auto it = kTypes.find(file.extension().string());
  return it != kTypes.end() ? it->second : "application/octet-stream";
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

bool IsApiPath(std::string_view path) {
  return StartsWith(path, "/v1/") || path == "/v1" || StartsWith(path, "/admin/") ||
         path == "/healthz" || path == "/readyz" || path.find("/oauth2/") != std::string_view::npos;
}

Result<StaticFiles> StaticFiles::Load(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::path(dir) / "index.html", ec)) {
    return NotFound("The portal is not built: " + dir +
                    "/index.html is missing (run `make build`, or set portal_dir / --portal-dir "
                    "to the directory `vite build` wrote).");
  }
  StaticFiles site;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    // symlink_status: a link is not followed, so nothing outside `dir` is read.
    if (!fs::is_regular_file(it->symlink_status())) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    const std::string url = "/" + fs::relative(it->path(), dir).generic_string();
    site.files_[url] = {body.str(), ContentType(it->path()),
                        StartsWith(url, kHashedPrefix) ? kImmutable : kRevalidate};
  }
  if (ec) return Unavailable("Cannot read the portal directory " + dir + ": " + ec.message());
  return site;
}

std::optional<Response> StaticFiles::Answer(const Request& req) const {
  if (req.method != "GET" && req.method != "HEAD") return std::nullopt;
  if (IsApiPath(req.path)) return std::nullopt;
  const std::string_view path = req.path == "/" ? "/index.html" : std::string_view(req.path);
  if (const auto it = files_.find(path); it != files_.end()) return Send(it->second);
  // A missing asset is a 404: index.html in its place would be parsed as a script.
  if (StartsWith(path, kHashedPrefix)) return std::nullopt;
  // Any other path is one of the app's own pages (a bookmark, a reload): the app routes it.
  const auto accept = req.Header("Accept");
  if (!accept || accept->find("text/html") == std::string::npos) return std::nullopt;
  return Send(files_.at("/index.html"));
}

Response StaticFiles::Send(const File& file) const {
  Response resp;
  resp.body = file.body;
  resp.content_type = file.content_type;
  resp.SetHeader("Cache-Control", file.cache_control);
  resp.SetHeader("X-Content-Type-Options", "nosniff");
  if (StartsWith(file.content_type, "text/html")) {
    // Only our own scripts; Fluent UI (Griffel) inserts its style rules at run time.
    resp.SetHeader("Content-Security-Policy",
                   "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                   "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  }
  return resp;
}

}  // namespace csphub::http
