// Bulk user import: the portal's CSV upload (POST /v1/customers/{id}/users/import, reference
// §2.9) and the one-time download of the temporary passwords it made.
#include "api/call_context.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"
#include "common/ids.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::api {
namespace {

// The header that carries a passwords download token, both ways. A header, not the path or the
// query: access logs and proxies record URLs, and the token opens the passwords.
constexpr const char* kTokenHeader = "CSPHub-Passwords-Token";

http::Response Csv(int status, std::string body) {
  http::Response r = Json(status, std::move(body));
  r.content_type = "text/csv; charset=utf-8";
  return r;
}

// A JSON or form body is a client bug: refused before anything is read.
bool IsCsvContentType(const http::Request& req) {
  const std::string type = ToLower(req.Header("Content-Type").value_or(""));
  return type.rfind("text/csv", 0) == 0 || type.rfind("application/csv", 0) == 0;
}

}  // namespace

// Body: the portal's CSV. Answers 200 with the same CSV, "Status update" filled per row; the
// counts in CSPHub-Users-Created / -Failed; when users were made, the token of their passwords.
http::Response ImportCustomerUsersCsv(Services& s, http::Request& req) {
  // The role first, so that a denied caller learns the same 403 whatever it sent.
  if (Status st = domain::Authorize(Caller(req), domain::Operation::kBulkUploadCustomerUsers);
      !st.ok()) {
    return ErrorResponse(st);
  }
  if (!IsCsvContentType(req)) {
    return ErrorResponse(InvalidArgument("The body must be CSV (Content-Type: text/csv).",
                                         pc::kUserImportFileInvalid));
  }
  ASSIGN_OR_RESPOND(
      result, s.user_imports.ImportPortalCsv(Caller(req), req.Param("id"),
                                             req.Query("usageLocation").value_or(""), req.body));
  http::Response r = Csv(200, std::move(result->csv));
  r.SetHeader("Content-Disposition", "attachment; filename=\"users-status.csv\"");
  r.SetHeader("CSPHub-Users-Created", std::to_string(result->created));
  r.SetHeader("CSPHub-Users-Failed", std::to_string(result->failed));
  if (!result->passwords_token.empty()) {
    r.SetHeader(kTokenHeader, result->passwords_token);
    r.SetHeader("Link", "</v1/userimports/passwords>; rel=\"passwords\"");
  }
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

// GET /v1/userimports/passwords with the token in CSPHub-Passwords-Token: the CSV of
// userPrincipalName,temporaryPassword, once.
http::Response DownloadImportPasswords(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(
      csv, s.user_imports.TakePasswords(Caller(req), req.Header(kTokenHeader).value_or("")));
  http::Response r = Csv(200, std::move(*csv));
  r.SetHeader("Content-Disposition", "attachment; filename=\"temporary-passwords.csv\"");
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

}  // namespace csphub::api
