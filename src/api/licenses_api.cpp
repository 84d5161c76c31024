// Licenses of a customer's users: …/subscribedskus, …/users/{uid}/licenses and
// …/users/{uid}/licenseupdates (reference §2.8, §4.2), and the users holding a SKU [impl].
#include "api/call_context.hpp"
#include "api/directory_json.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"

namespace csphub::api {

http::Response ListSubscribedSkus(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(skus, s.licenses.SubscribedSkus(Caller(req), req.Param("id")));
  return Json(200, Collection(skus->size(), [&](JsonOut& j) {
                for (const auto& sku : *skus) WriteSubscribedSku(j, sku);
              }));
}

http::Response ListSkuHolders(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(users, s.licenses.UsersWithSku(Caller(req), req.Param("id"), req.Param("sku")));
  return Json(200, Collection(users->size(), [&](JsonOut& j) {
                for (const auto& u : *users) WriteCustomerUser(j, u);
              }));
}

http::Response ListUserLicenses(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(licenses,
                    s.licenses.UserLicenses(Caller(req), req.Param("id"), req.Param("uid")));
  return Json(200, Collection(licenses->size(), [&](JsonOut& j) {
                for (const auto& l : *licenses) WriteLicense(j, l);
              }));
}

http::Response UpdateUserLicenses(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  ASSIGN_OR_RESPOND(update, ReadLicenseUpdate((*in)->Root()));
  ASSIGN_OR_RESPOND(
      done, s.licenses.Update(Caller(req), req.Param("id"), req.Param("uid"), std::move(*update)));
  JsonOut j;
  WriteLicenseUpdate(j, *done);
  return Json(201, std::move(j).str());
}

}  // namespace csphub::api
