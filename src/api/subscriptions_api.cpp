// /v1/customers/{id}/subscriptions: list, read (now or at a past date), change, the timeline,
// and the designated support contact (reference §4.2, §4.3 Subscription, SupportContact).
#include "api/call_context.hpp"
#include "api/commerce_json.hpp"
#include "api/etag.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"

namespace csphub::api {
namespace {

http::Response SubscriptionResponse(const domain::Subscription& sub) {
  JsonOut j;
  WriteSubscription(j, sub);
  return WithEtag(Json(200, std::move(j).str()), sub.etag);
}

http::Response SupportContactResponse(const domain::Subscription& sub) {
  JsonOut j;
  WriteSupportContact(j, sub);
  return Json(200, std::move(j).str());
}

}  // namespace

http::Response ListSubscriptions(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(
      subs, s.subscriptions.List(Caller(req), req.Param("id"), req.Query("order_id").value_or(""),
                                 req.Query("mpn_id").value_or("")));
  return Json(200, Collection(subs->size(), [&](JsonOut& j) {
                for (const auto& sub : *subs) WriteSubscription(j, sub);
              }));
}

// ?asOf=<ISO-8601 date> [impl] reads the subscription as it was then (from its timeline).
http::Response GetSubscription(Services& s, http::Request& req) {
  std::optional<TimePoint> as_of;
  if (auto text = req.Query("asOf"); text && !text->empty()) {
    TimePoint t;
    if (!ParseIso8601(*text, &t)) {
      return ErrorResponse(InvalidField("asOf", "must be an ISO-8601 UTC date such as 2026-11-21"));
    }
    as_of = t;
  }
  ASSIGN_OR_RESPOND(sub,
                    s.subscriptions.Get(Caller(req), req.Param("id"), req.Param("sid"), as_of));
  return SubscriptionResponse(*sub);
}

http::Response PatchSubscription(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  const ObjectReader root = (*in)->Root();
  ASSIGN_OR_RESPOND(change, ReadSubscriptionChange(root));
  ASSIGN_OR_RESPOND(etag, RequiredEtag(req, root, "the subscription"));
  change->etag = *etag;
  ASSIGN_OR_RESPOND(sub, s.subscriptions.Update(Caller(req), req.Param("id"), req.Param("sid"),
                                                std::move(*change)));
  return SubscriptionResponse(*sub);
}

http::Response ListSubscriptionAddOns(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(addons, s.subscriptions.AddOns(Caller(req), req.Param("id"), req.Param("sid")));
  return Json(200, Collection(addons->size(), [&](JsonOut& j) {
                for (const auto& a : *addons) WriteSubscription(j, a);
              }));
}

http::Response ListSubscriptionEvents(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(events,
                    s.subscriptions.Timeline(Caller(req), req.Param("id"), req.Param("sid")));
  return Json(200, Collection(events->size(), [&](JsonOut& j) {
                for (const auto& e : *events) WriteSubscriptionEvent(j, e);
              }));
}

http::Response GetSupportContact(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(sub, s.subscriptions.Get(Caller(req), req.Param("id"), req.Param("sid")));
  return SupportContactResponse(*sub);
}

http::Response PutSupportContact(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  const ObjectReader root = (*in)->Root();
  domain::SupportContactRequest contact;
  ASSIGN_OR_RESPOND(tenant, root.StringOrEmpty("supportTenantId"));
  ASSIGN_OR_RESPOND(mpn, root.StringOrEmpty("supportMpnId"));
  contact.tenant_id = *tenant;
  contact.mpn_id = *mpn;
  ASSIGN_OR_RESPOND(sub, s.subscriptions.SetSupportContact(Caller(req), req.Param("id"),
                                                           req.Param("sid"), contact));
  return SupportContactResponse(*sub);
}

}  // namespace csphub::api
