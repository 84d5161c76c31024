#pragma once
// The portal's built files (web/dist) served beside the API: hashed assets cached for a year,
// index.html revalidated every time, and index.html for any page path the single-page app routes
// itself (/customers/…), while API paths keep their JSON 404s. docs/portal.md.
#include <map>
#include <optional>
#include <string>

#include "common/status.hpp"
#include "http/message.hpp"

namespace csphub::http {

class StaticFiles {
 public:
  // Reads every regular file under `dir` into memory (a Vite build is a few hundred KiB), so
  // that only names found here can ever be served: a request path cannot reach outside `dir`.
  // NotFound, with a message that says how to build the portal, when `dir` has no index.html.
  static Result<StaticFiles> Load(const std::string& dir);

  // The answer to a GET or HEAD that no API route matched: the file, index.html for a page the
  // browser asks for (Accept: text/html), or nullopt (the caller answers its own 404).
  std::optional<Response> Answer(const Request& req) const;

  std::size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string body;
    std::string content_type;
    std::string cache_control;
  };
  Response Send(const File& file) const;

  std::map<std::string, File, std::less<>> files_;  // by URL path: "/index.html", "/assets/…"
};

// True for the paths the API owns (/v1/…, /admin/…, /{tenant}/oauth2/…, the health checks):
// an unknown one is an API 404, never the portal's index.html.
bool IsApiPath(std::string_view path);

}  // namespace csphub::http
