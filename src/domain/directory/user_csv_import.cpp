#include "domain/directory/user_csv_import.hpp"

#include "common/ids.hpp"
#include "domain/customer/customer_validation.hpp"
#include "domain/directory/customer_user_rules.hpp"

namespace csphub::domain {

Status ImportFileRefused(const std::string& why) {
  return InvalidArgument("The file was not imported: " + why, pc::kUserImportFileInvalid);
}

std::string ImportCell(const CsvRecord& row, int column) {
  return column < 0 ? std::string() : Trim(row.cells[static_cast<std::size_t>(column)]);
}

Result<ImportColumns> ReadImportHeader(std::vector<std::string> cells, bool bulk) {
  ImportColumns c;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string name = ToLower(Trim(cells[i]));
    int* slot = name == "first name"               ? &c.first_name
                : name == "last name"              ? &c.last_name
                : name == "display name"           ? &c.display_name
                : name == "email"                  ? &c.email
                : name == "status update"          ? &c.status
                : bulk && name == "customer id"    ? &c.customer_id
                : bulk && name == "usage location" ? &c.usage_location
                                                   : nullptr;
    if (!slot) {
      return ImportFileRefused(
          "unknown column \"" + Trim(cells[i]) +
          "\" (the columns are First name, Last name, Display name, Email, Status update" +
          (bulk ? ", Customer ID, Usage location)." : ")."));
    }
    if (*slot >= 0) return ImportFileRefused("the column \"" + Trim(cells[i]) + "\" is repeated.");
    *slot = static_cast<int>(i);
  }
  for (auto [slot, name] : {std::pair{c.first_name, "First name"},
                            {c.last_name, "Last name"},
                            {c.display_name, "Display name"},
                            {c.email, "Email"}}) {
    if (slot < 0) return ImportFileRefused(std::string("the column \"") + name + "\" is missing.");
  }
  c.header = std::move(cells);
  return c;
}

std::string JoinHeader(const ImportColumns& columns) {
  std::string out;
  AppendCsvRow(out, columns.header);
  return out;
}

std::vector<std::string> SplitHeader(const std::string& joined) {
  std::vector<std::string> out;
  CsvReader reader;
  auto keep = [&](CsvRecord& r) {
    if (out.empty()) out = std::move(r.cells);
    return Status::Ok();
  };
  (void)reader.Feed(joined, keep);
  (void)reader.Finish(keep);
  return out;
}

Result<PortalCsvFile> ReadPortalCsv(std::string_view text) {
  PortalCsvFile file;
  bool have_header = false;
  CsvReader reader;
  auto on_record = [&](CsvRecord& r) -> Status {
    if (!have_header) {
      have_header = true;
      ASSIGN_OR_RETURN(file.columns, ReadImportHeader(std::move(r.cells), false));
      return Status::Ok();
    }
    if (r.cells.size() > file.columns.header.size()) {
      return ImportFileRefused("line " + std::to_string(r.line) +
                               " has more cells than the header (extraneous data).");
    }
    if (static_cast<int>(file.rows.size()) == kMaxPortalImportRows) {
      return ImportFileRefused("more than " + std::to_string(kMaxPortalImportRows) +
                               " records (use the bulk import API, /v1/userimports, for more).");
    }
    r.cells.resize(file.columns.header.size());
    file.rows.push_back(std::move(r));
    return Status::Ok();
  };
  Status st = reader.Feed(text, on_record);
  if (st.ok()) st = reader.Finish(on_record);
  if (!st.ok()) {
    if (st.pc_code() == pc::kUserImportFileInvalid) return st;
    return ImportFileRefused(st.description());  // a CSV syntax problem
  }
  if (!have_header) return ImportFileRefused("it is empty (expected a header line).");
  return file;
}

PortalRow CheckPortalRow(const ImportColumns& file, const CsvRecord& row,
                         const Customer& customer) {
  PortalRow out;
  out.first_name = ImportCell(row, file.first_name);
  out.last_name = ImportCell(row, file.last_name);
  out.display_name = ImportCell(row, file.display_name);
  return CheckImportFields(std::move(out), ImportCell(row, file.email),
                           ImportCell(row, file.status), customer);
}

PortalRow CheckImportFields(PortalRow out, const std::string& email, const std::string& status,
                            const Customer& customer) {
  auto fail = [&](std::string problem) {
    out.problem = std::move(problem);
    return out;
  };
  if (!status.empty()) return fail("Status update must be empty.");
  if (out.display_name.empty()) return fail("Display name is required.");
  for (auto [value, name] : {std::pair{&out.first_name, "First name"},
                             {&out.last_name, "Last name"},
                             {&out.display_name, "Display name"}}) {
    if (Utf8Length(*value) > kPortalNameLimit) {
      return fail(std::string(name) + " may have at most " + std::to_string(kPortalNameLimit) +
                  " characters.");
    }
  }
  if (Status st = ValidateUserNames(out.display_name, out.first_name, out.last_name); !st.ok()) {
    return fail(st.description());
  }
  if (email.empty()) return fail("Email is required.");
  auto upn = ValidUserPrincipalName(email, customer, "Email");
  if (!upn.ok()) return fail(upn.status().description());
  out.user_principal_name = std::move(*upn);
  return out;
}

std::string PortalResultCsv(const PortalCsvFile& file, const std::vector<std::string>& statuses) {
  std::vector<std::string> header = file.columns.header;
  const bool add_status = file.columns.status < 0;
  if (add_status) header.emplace_back("Status update");
  std::string out;
  AppendCsvRow(out, header);
  for (std::size_t i = 0; i < file.rows.size(); ++i) {
    std::vector<std::string> cells = file.rows[i].cells;
    if (add_status) {
      cells.push_back(statuses[i]);
    } else {
      cells[static_cast<std::size_t>(file.columns.status)] = statuses[i];
    }
    AppendCsvRow(out, cells);
  }
  return out;
}

}  // namespace csphub::domain
