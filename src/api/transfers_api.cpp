// /v1/customers/{id}/transfers: create (source), list, get, accept and reject (target),
// withdraw (source) (reference §2.10, §4.2 [A14]).
#include "api/call_context.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"
#include "api/transfer_json.hpp"

namespace csphub::api {
namespace {

http::Response TransferResponse(int status, const domain::Transfer& t) {
  JsonOut j;
  WriteTransfer(j, t);
  return Json(status, std::move(j).str());
}

}  // namespace

http::Response CreateTransfer(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  ASSIGN_OR_RESPOND(transfer, ReadNewTransfer((*in)->Root()));
  ASSIGN_OR_RESPOND(created,
                    s.transfers.Create(Caller(req), req.Param("id"), std::move(*transfer)));
  http::Response r = TransferResponse(201, *created);
  r.SetHeader("Location", "/v1/customers/" + created->customer_id + "/transfers/" + created->id);
  return r;
}

http::Response ListTransfers(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(transfers, s.transfers.List(Caller(req), req.Param("id")));
  return Json(200, Collection(transfers->size(), [&](JsonOut& j) {
                for (const auto& t : *transfers) WriteTransfer(j, t);
              }));
}

http::Response GetTransfer(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(transfer, s.transfers.Get(Caller(req), req.Param("id"), req.Param("tid")));
  return TransferResponse(200, *transfer);
}

http::Response AcceptTransfer(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(transfer, s.transfers.Accept(Caller(req), req.Param("id"), req.Param("tid")));
  return TransferResponse(200, *transfer);
}

// {"status":"reject"}: the only change a PATCH makes.
http::Response PatchTransfer(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  ASSIGN_OR_RESPOND(status, (*in)->Root().RequiredString("status"));
  ASSIGN_OR_RESPOND(transfer,
                    s.transfers.Reject(Caller(req), req.Param("id"), req.Param("tid"), *status));
  return TransferResponse(200, *transfer);
}

http::Response WithdrawTransfer(Services& s, http::Request& req) {
  const Status st = s.transfers.Withdraw(Caller(req), req.Param("id"), req.Param("tid"));
  if (!st.ok()) return ErrorResponse(st);
  return NoContent();
}

}  // namespace csphub::api
