#pragma once
// Transfers as JSON (reference §2.10 [A14] TransferEntity), written and read by the API.
#include "api/json.hpp"
#include "domain/commerce/transfer_service.hpp"

namespace csphub::api {

// TransferEntity: the lines as created, the target's order once accepted, and transferErrors
// always empty (accepting is all or nothing: a failed line is the error answer instead).
void WriteTransfer(JsonOut& j, const domain::Transfer& t);

// The body of POST …/transfers.
Result<domain::NewTransfer> ReadNewTransfer(const ObjectReader& root);

}  // namespace csphub::api
