// CustomerService::Export: the caller's customer list, page by page.
#include "domain/customer/customer_service.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {

Result<CustomerPage> CustomerService::ExportPage(const CallContext& ctx,
                                                 const std::string& continuation) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kExportCustomers));
  CustomerListRequest page_request;
  page_request.size = kMaxPageSize;
  page_request.continuation = continuation;
  return List(ctx, page_request);
}

Status CustomerService::Export(const CallContext& ctx,
                               const std::function<Status(const CustomerSummaries&)>& sink) {
  std::string continuation;
  do {
    ASSIGN_OR_RETURN(CustomerPage page, ExportPage(ctx, continuation));
    RETURN_IF_ERROR(sink(page.items));
    continuation = std::move(page.continuation);
  } while (!continuation.empty());
  return Status::Ok();
}

}  // namespace csphub::domain
