#pragma once
// RFC 4180 CSV, read incrementally: bytes go in in any pieces (a request body, a file read in
// blocks) and complete records come out, so an import never needs the whole file in memory.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace csphub {

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> cells;
};

class CsvReader {
 public:
  using OnRecord = std::function<Status(CsvRecord&)>;
  // A record longer than `max_record_bytes` is an error: it bounds the memory of a hostile file.
  explicit CsvReader(std::size_t max_record_bytes = 64 * 1024) : max_(max_record_bytes) {}

  // Reads `data`; calls `on_record` for each complete non-blank record. Stops at the first error
  // (its own, or the one `on_record` returns). A UTF-8 BOM at the start is skipped; NUL bytes
  // mean the input is not a CSV text file.
  Status Feed(std::string_view data, const OnRecord& on_record);
  // The end of the input: the last record (without a final line break) comes out; an open quote
  // is an error.
  Status Finish(const OnRecord& on_record);

 private:
  Status EndRecord(const OnRecord& on_record);

  std::size_t max_;
  std::size_t record_bytes_ = 0;
  CsvRecord record_{.line = 1, .cells = {}};
  std::string cell_;
  bool quoted_ = false;
  bool quote_closed_ = false;  // just saw a quote inside a quoted cell: "" or the end
  bool any_ = false;           // the record has a separator or quote: not blank
  bool after_cr_ = false;
  int bom_seen_ = 0;  // bytes of a leading BOM seen; 3 once past the start
  int line_ = 1;
};

// Appends one RFC 4180 cell. A value a spreadsheet would run as a formula (=, +, -, @ first)
// gets a leading apostrophe (CSV injection, OWASP): cells come from other people's input.
void AppendCsvCell(std::string& out, std::string_view value);
// Appends cells separated by commas and a CRLF.
void AppendCsvRow(std::string& out, const std::vector<std::string>& cells);

}  // namespace csphub
