#include "domain/directory/user_import_service.hpp"

#include <unordered_set>

#include "common/csv.hpp"
#include "common/ids.hpp"
#include "domain/directory/customer_user_access.hpp"
#include "domain/directory/customer_user_rules.hpp"
#include "domain/directory/parallel_hash.hpp"
#include "domain/directory/user_csv_import.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {

std::string PasswordDownloadScope(const std::string& token) {
  return "user-import-passwords|" + token;
}

Result<PortalImportResult> UserImportService::ImportPortalCsv(const CallContext& ctx,
                                                              const std::string& customer_id,
                                                              const std::string& usage_location,
                                                              std::string_view csv) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kBulkUploadCustomerUsers));
  ASSIGN_OR_RETURN(const std::string location, ValidUsageLocation(usage_location, false));
  const std::string cid = ToLower(customer_id);
  // The gate before the file: a caller without delegated admin learns nothing from it.
  Customer customer;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(customer, OpenCustomerDirectory(repos, ctx, cid));
    return Status::Ok();
  }));
  ASSIGN_OR_RETURN(const PortalCsvFile file, ReadPortalCsv(csv));

  // Row rules, duplicates within the file, and names already taken (re-checked by the insert).
  const std::size_t n = file.rows.size();
  std::vector<PortalRow> rows(n);
  std::vector<std::string> statuses(n);
  std::unordered_set<std::string> seen;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    for (std::size_t i = 0; i < n; ++i) {
      rows[i] = CheckPortalRow(file.columns, file.rows[i], customer);
      PortalRow& r = rows[i];
      if (r.problem.empty() && !seen.insert(r.user_principal_name).second) {
        r.problem = "Email is repeated in the file (an earlier row has it).";
      }
      if (r.problem.empty()) {
        auto existing = repos.CustomerUsers().GetByPrincipalName(r.user_principal_name);
        if (existing.ok()) {
          r.problem = "A user with this email already exists.";
        } else if (existing.status().code() != StatusCode::kNotFound) {
          return existing.status();
        }
      }
    }
    return Status::Ok();
  }));

  // The slow part, outside any transaction: one argon2id hash per new user, on every core.
  std::vector<std::size_t> valid;
  std::vector<std::string> passwords;
  for (std::size_t i = 0; i < n; ++i) {
    if (!rows[i].problem.empty()) continue;
    valid.push_back(i);
    passwords.push_back(deps_.secrets.NewTemporaryPassword());
  }
  ASSIGN_OR_RETURN(const std::vector<std::string> hashes, HashAll(deps_.hasher, passwords));

  PortalImportResult out;
  const TimePoint now = deps_.clock.Now();
  std::string password_csv;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(const Customer c, OpenCustomerDirectoryForWrite(repos, ctx, cid, now));
    password_csv = "userPrincipalName,temporaryPassword\r\n";
    out.created = 0;
    for (std::size_t k = 0; k < valid.size(); ++k) {
      PortalRow& r = rows[valid[k]];
      CustomerUser u;
      u.id = deps_.ids.NewGuid();
      u.customer_id = cid;
      u.user_principal_name = r.user_principal_name;
      u.first_name = r.first_name;
      u.last_name = r.last_name;
      u.display_name = r.display_name;
      u.usage_location = location;
      u.password_hash = hashes[k];
      u.must_change_password = true;
      u.created_at = u.updated_at = now;
      // A savepoint per row: a name taken since the check fails that row alone.
      Status st = deps_.store.Write(
          [&](Repositories& inner) { return InsertCustomerUser(deps_, inner, ctx, c, u); });
      if (st.code() == StatusCode::kAlreadyExists) {
        r.problem = "A user with this email already exists.";
        continue;
      }
      RETURN_IF_ERROR(st);
      ++out.created;
      AppendCsvRow(password_csv, {u.user_principal_name, passwords[k]});
    }
    if (out.created == 0) return Status::Ok();
    out.passwords_token = deps_.secrets.NewToken();
    const std::string scope = PasswordDownloadScope(out.passwords_token);
    return repos.Downloads().Insert({.id = sealer_.LookupId(scope),
                                     .partner_tenant_id = ctx.tenant_id,
                                     .sealed = sealer_.Seal(scope, password_csv),
                                     .created_at = now,
                                     .expires_at = now + kPasswordDownloadTtl});
  }));
  for (std::size_t i = 0; i < n; ++i) {
    statuses[i] = rows[i].problem.empty() ? "Created" : rows[i].problem;
    if (!rows[i].problem.empty()) ++out.failed;
  }
  out.csv = PortalResultCsv(file, statuses);
  return out;
}

Result<std::string> UserImportService::TakePasswords(const CallContext& ctx,
                                                     const std::string& token) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kBulkUploadCustomerUsers));
  const Status gone = NotFound(
      "No such passwords file: it was already downloaded, has expired, or the token is wrong.",
      pc::kDownloadGone);
  if (token.empty()) return gone;
  const std::string scope = PasswordDownloadScope(token);
  const TimePoint now = deps_.clock.Now();
  std::optional<std::string> content;
  bool foreign = false;
  Status st = deps_.store.Write([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(repos.Downloads().PurgeExpired(now).status());
    auto d = repos.Downloads().Take(sealer_.LookupId(scope));
    if (d.status().code() == StatusCode::kNotFound) return Status::Ok();
    RETURN_IF_ERROR(d.status());
    if (d->partner_tenant_id != ctx.tenant_id) {
      // Another partner's token: roll back (it stays for its owner) and answer as if unknown.
      foreign = true;
      return Aborted("another partner's download");
    }
    content = sealer_.Open(scope, d->sealed);
    return Status::Ok();
  });
  if (!st.ok() && !foreign) return st;
  if (!content) return gone;
  return *content;
}

}  // namespace csphub::domain
