#include "api/customer_csv.hpp"

#include "common/csv.hpp"

namespace csphub::api {

std::string CustomerCsvHeader() {
  return "Microsoft ID,Company name,Primary domain name,Relationship,Tags\r\n";
}

void AppendCustomerCsvRow(std::string& out, const domain::CustomerSummary& c) {
  AppendCsvCell(out, c.id);
  out += ',';
  AppendCsvCell(out, c.company_name);
  out += ',';
  AppendCsvCell(out, c.domain);
  out += ',';
  out += "Cloud reseller,\r\n";  // the portal's word for a reseller relationship; no tags yet
}

}  // namespace csphub::api
