#include "common/csv.hpp"

namespace csphub {

Status CsvReader::EndRecord(const OnRecord& on_record) {
  Status st;
  if (any_ || !cell_.empty() || !record_.cells.empty()) {
    record_.cells.push_back(std::move(cell_));
    st = on_record(record_);
  }
  record_ = CsvRecord{};
  record_.line = line_;
  cell_.clear();
  any_ = false;
  record_bytes_ = 0;
  return st;
}

Status CsvReader::Feed(std::string_view data, const OnRecord& on_record) {
  for (std::size_t i = 0; i < data.size(); ++i) {
    const char c = data[i];
    if (bom_seen_ < 3) {  // a spreadsheet's UTF-8 BOM, possibly split across pieces
      if (c == "\xEF\xBB\xBF"[bom_seen_]) {
        ++bom_seen_;
        continue;
      }
      bom_seen_ = 3;  // no BOM (a partial one is not text anyway)
    }
    if (c == '\0') return InvalidArgument("The file is not CSV text (it holds NUL bytes).");
    if (++record_bytes_ > max_) {
      return InvalidArgument("Line " + std::to_string(record_.line) + " is longer than " +
                             std::to_string(max_) + " bytes.");
    }
    if (after_cr_) {
      after_cr_ = false;
      if (c == '\n') continue;  // CRLF: the CR already ended the record
    }
    if (quoted_) {
      if (quote_closed_) {
        quote_closed_ = false;
        if (c == '"') {  // "" inside quotes: one quote
          cell_ += '"';
          continue;
        }
        quoted_ = false;  // the closing quote; c is handled below as unquoted
      } else {
        if (c == '"') {
          quote_closed_ = true;
        } else {
          if (c == '\n') ++line_;
          cell_ += c;
        }
        continue;
      }
    }
    if (c == '"') {
      quoted_ = true;
      any_ = true;
    } else if (c == ',') {
      record_.cells.push_back(std::move(cell_));
      cell_.clear();
      any_ = true;
    } else if (c == '\n' || c == '\r') {
      after_cr_ = c == '\r';
      ++line_;
      RETURN_IF_ERROR(EndRecord(on_record));
    } else {
      cell_ += c;
    }
  }
  return Status::Ok();
}

Status CsvReader::Finish(const OnRecord& on_record) {
  if (quoted_ && !quote_closed_) {
    return InvalidArgument("The quote opened on line " + std::to_string(record_.line) +
                           " is never closed.");
  }
  quoted_ = quote_closed_ = false;
  return EndRecord(on_record);
}

void AppendCsvCell(std::string& out, std::string_view value) {
  std::string cell(value);
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@')) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos) {
    out += cell;
    return;
  }
  out += '"';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void AppendCsvRow(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    AppendCsvCell(out, cells[i]);
  }
  out += "\r\n";
}

}  // namespace csphub
