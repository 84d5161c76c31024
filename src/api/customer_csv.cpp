#include "api/customer_csv.hpp"

namespace csphub::api {
namespace {

// RFC 4180 quoting. A cell that a spreadsheet would read as a formula (=, +, -, @ first) gets a
// leading apostrophe: company names come from partners' input (CSV injection, OWASP).
void AppendCell(std::string& out, const std::string& value) {
  std::string cell = value;
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

}  // namespace

std::string CustomerCsvHeader() {
  return "Microsoft ID,Company name,Primary domain name,Relationship,Tags\r\n";
}

void AppendCustomerCsvRow(std::string& out, const domain::CustomerView& v) {
  AppendCell(out, v.customer.id);
  out += ',';
  AppendCell(out, v.customer.billing.company_name);
  out += ',';
  AppendCell(out, v.customer.domain);
  out += ',';
  out += "Cloud reseller,\r\n";  // the portal's word for a reseller relationship; no tags yet
}

}  // namespace csphub::api
