#pragma once
// The customer list as CSV, with the columns of the portal's "Export customers" (reference
// §2.1): Microsoft ID, Company name, Primary domain name, Relationship, Tags.
#include <string>

#include "domain/customer/customer.hpp"

namespace csphub::api {

std::string CustomerCsvHeader();
void AppendCustomerCsvRow(std::string& out, const domain::CustomerSummary& c);

}  // namespace csphub::api
