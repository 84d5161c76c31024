#pragma once
// The portal's "Add multiple users" upload file (reference §2.9): columns First name, Last name,
// Display name, Email, Status update; at most 100 records. Structure problems refuse the whole
// file; row problems are reported in the row's "Status update" cell.
#include <string>
#include <string_view>
#include <vector>

#include "common/csv.hpp"
#include "common/status.hpp"
#include "domain/customer/customer.hpp"

namespace csphub::domain {

inline constexpr int kMaxPortalImportRows = 100;
inline constexpr std::size_t kPortalNameLimit = 50;  // characters, each name column

// 400 (700302): the whole file is refused, for `why`.
Status ImportFileRefused(const std::string& why);

// The columns of an upload, in the header's order (any order). "Status update" may be left
// out (the portal's result adds it). The bulk API also knows "Customer ID" (rows for several
// customers) and "Usage location" (per row).
struct ImportColumns {
  std::vector<std::string> header;
  int first_name = -1, last_name = -1, display_name = -1, email = -1, status = -1;
  int customer_id = -1, usage_location = -1;
};
// 400 (700302) for an unknown, repeated or missing column.
Result<ImportColumns> ReadImportHeader(std::vector<std::string> cells, bool bulk);
// The header as one string (a job keeps it to read its later parts), and back.
std::string JoinHeader(const ImportColumns& columns);
std::vector<std::string> SplitHeader(const std::string& joined);
// The cell of `row` in `column` (-1: absent), trimmed.
std::string ImportCell(const CsvRecord& row, int column);

// The file, checked for structure.
struct PortalCsvFile {
  ImportColumns columns;
  std::vector<CsvRecord> rows;  // each padded to the header's width
};

// 400 (code 700302) naming the problem: not CSV text, no header, a missing, unknown or repeated
// column, a row wider than the header (extraneous data), more than 100 records.
Result<PortalCsvFile> ReadPortalCsv(std::string_view text);

// A row's fields after the rules that need no database; `problem` is empty when it is valid.
struct PortalRow {
  std::string first_name, last_name, display_name, user_principal_name;
  std::string problem;
};
PortalRow CheckPortalRow(const ImportColumns& columns, const CsvRecord& row,
                         const Customer& customer);
// The same rules on fields already taken out of a row (`row`'s names; `email`, `status` as sent).
PortalRow CheckImportFields(PortalRow row, const std::string& email, const std::string& status,
                            const Customer& customer);

// The file again, with each row's "Status update" cell set to `statuses[i]`.
std::string PortalResultCsv(const PortalCsvFile& file, const std::vector<std::string>& statuses);

}  // namespace csphub::domain
