// CustomerService::Export: the caller's customer list, page by page.
#include "domain/customer/customer_service.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {

Status CustomerService::Export(
    const CallContext& ctx, const std::function<Status(const std::vector<CustomerView>&)>& sink) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kExportCustomers));
  CustomerListRequest page_request;
  page_request.size = kMaxPageSize;
  while (true) {
    ASSIGN_OR_RETURN(CustomerPage page, List(ctx, page_request));
    RETURN_IF_ERROR(sink(page.items));
    if (page.continuation.empty()) return Status::Ok();
    page_request.continuation = std::move(page.continuation);
  }
}

}  // namespace csphub::domain
