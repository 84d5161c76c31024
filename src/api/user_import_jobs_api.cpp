// /v1/userimports: bulk user import jobs for integrators (issue 5 "Bulk"). The file arrives in
// parts (each within the body limit, each one transaction), is processed in the background,
// polled with GET, and its per-row results are streamed as CSV.
#include "api/call_context.hpp"
#include "api/customer_json.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"
#include "common/csv.hpp"
#include "common/ids.hpp"

namespace csphub::api {
namespace {

constexpr int kResultsPage = 1000;  // rows per chunk of the results stream

bool QueryFlag(const http::Request& req, std::string_view name, bool fallback) {
  const auto v = req.Query(name);
  if (!v || v->empty()) return fallback;
  return ToLower(*v) == "true" || *v == "1";
}

http::Response JobResponse(int status, const domain::UserImportJob& job) {
  JsonOut j;
  j.BeginObject().Field("id", job.id).Field("state", domain::ToString(job.state));
  j.Field("dryRun", job.dry_run).Field("customerId", job.default_customer_id);
  j.Field("usageLocation", job.usage_location);
  j.Field("totalRows", job.total_rows).Field("processedRows", job.processed_rows);
  // In a dry run the rows that passed are "valid": nothing was created.
  j.Field("createdRows", job.dry_run ? std::int64_t{0} : job.created_rows);
  j.Field("validRows", job.dry_run ? job.created_rows : std::int64_t{0});
  j.Field("failedRows", job.failed_rows).Field("passwordsTaken", job.passwords_taken);
  j.Field("createdAt", FormatIso8601(job.created_at));
  if (job.completed_at) j.Field("completedAt", FormatIso8601(*job.completed_at));
  j.BeginObject("links");
  j.BeginObject("self").Field("uri", "/userimports/" + job.id).Field("method", "GET").EndObject();
  j.BeginObject("results")
      .Field("uri", "/userimports/" + job.id + "/results")
      .Field("method", "GET")
      .EndObject();
  j.EndObject();
  j.Attributes("UserImport").EndObject();
  http::Response r = Json(status, std::move(j).str());
  r.SetHeader("Location", "/v1/userimports/" + job.id);
  return r;
}

std::string ResultsHeader() {
  return "Row,Customer ID,Email,Display name,Status,Message,User ID,Temporary password\r\n";
}

void AppendResult(std::string& out, const domain::ImportResultRow& r) {
  const char* status = r.row.status == domain::ImportRowStatus::kCreated  ? "Created"
                       : r.row.status == domain::ImportRowStatus::kValid  ? "Valid"
                       : r.row.status == domain::ImportRowStatus::kFailed ? "Failed"
                                                                          : "Pending";
  AppendCsvRow(out, {std::to_string(r.row.row), r.row.customer_id, r.row.email, r.row.display_name,
                     status, r.row.message, r.row.user_id, r.temporary_password});
}

}  // namespace

// Body: the CSV's first part (the header and rows), or all of it. ?usageLocation=,
// ?customerId= (rows without a Customer ID column), ?dryRun=true, ?complete=false (more parts
// follow through POST …/rows).
http::Response StartUserImport(Services& s, http::Request& req) {
  domain::StartImportRequest start;
  start.customer_id = req.Query("customerId").value_or("");
  start.usage_location = req.Query("usageLocation").value_or("");
  start.dry_run = QueryFlag(req, "dryRun", false);
  start.complete = QueryFlag(req, "complete", true);
  ASSIGN_OR_RESPOND(job, s.import_jobs.Start(Caller(req), std::move(start), req.body));
  return JobResponse(202, *job);
}

// Body: more rows, without the header, cut at a record boundary. ?complete=true on the last.
http::Response AppendUserImportRows(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(job, s.import_jobs.AppendRows(Caller(req), req.Param("jid"), req.body,
                                                  QueryFlag(req, "complete", false)));
  return JobResponse(202, *job);
}

http::Response GetUserImport(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(job, s.import_jobs.Get(Caller(req), req.Param("jid")));
  return JobResponse(200, *job);
}

// The per-row results as CSV, streamed a page at a time. The first download after the job has
// completed includes the temporary passwords, which are then erased: whoever downloads it
// first must keep the file (CSPHub-Passwords: included says this one has them).
http::Response GetUserImportResults(Services& s, http::Request& req) {
  const domain::CallContext ctx = Caller(req);
  const std::string id = ToLower(req.Param("jid"));
  ASSIGN_OR_RESPOND(job, s.import_jobs.Get(ctx, id));
  ASSIGN_OR_RESPOND(claimed, s.import_jobs.ClaimPasswords(ctx, id));
  const bool reveal = *claimed;
  ASSIGN_OR_RESPOND(first, s.import_jobs.Results(ctx, id, 0, kResultsPage, reveal));
  std::string body = ResultsHeader();
  for (const auto& r : *first) AppendResult(body, r);
  http::Response r = Json(200, std::move(body));
  r.content_type = "text/csv; charset=utf-8";
  r.SetHeader("Content-Disposition", "attachment; filename=\"user-import-" + id + ".csv\"");
  r.SetHeader("Cache-Control", "no-store");
  r.SetHeader("CSPHub-Passwords", reveal ? "included" : "not-included");
  const bool more = static_cast<int>(first->size()) == kResultsPage;
  if (!more) {
    if (reveal) (void)s.import_jobs.ErasePasswords(id);
    return r;
  }
  std::int64_t after = first->back().row.row;
  r.stream = [&s, ctx, id, reveal, after](std::string& out) mutable {
    auto page = s.import_jobs.Results(ctx, id, after, kResultsPage, reveal);
    if (!page.ok()) throw std::runtime_error("results page: " + page.status().description());
    for (const auto& row : *page) AppendResult(out, row);
    if (!page->empty()) after = page->back().row.row;
    const bool again = static_cast<int>(page->size()) == kResultsPage;
    if (!again && reveal) (void)s.import_jobs.ErasePasswords(id);
    return again;
  };
  return r;
}

}  // namespace csphub::api
