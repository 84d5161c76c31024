// /v1/customers/{id}/orders: place an order, list and read them (reference §4.2, §4.3 Order).
#include "api/call_context.hpp"
#include "api/commerce_json.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"

namespace csphub::api {

http::Response CreateOrder(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  ASSIGN_OR_RESPOND(order, ReadNewOrder((*in)->Root()));
  ASSIGN_OR_RESPOND(created, s.orders.Create(Caller(req), req.Param("id"), std::move(*order)));
  JsonOut j;
  WriteOrder(j, *created);
  http::Response r = Json(201, std::move(j).str());
  r.SetHeader("Location", "/v1/customers/" + created->customer_id + "/orders/" + created->id);
  return r;
}

http::Response ListOrders(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(orders, s.orders.List(Caller(req), req.Param("id")));
  return Json(200, Collection(orders->size(), [&](JsonOut& j) {
                for (const auto& o : *orders) WriteOrder(j, o);
              }));
}

http::Response GetOrder(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(order, s.orders.Get(Caller(req), req.Param("id"), req.Param("oid")));
  JsonOut j;
  WriteOrder(j, *order);
  return Json(200, std::move(j).str());
}

}  // namespace csphub::api
