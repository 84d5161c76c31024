#pragma once
// Orders, subscriptions and support contacts as JSON (reference §4.3 Order, OrderLineItem,
// Subscription, SupportContact), written and read the same way by the API and the CLI.
#include <functional>
#include <string>
#include <string_view>

#include "api/json.hpp"
#include "domain/commerce/order_service.hpp"
#include "domain/commerce/subscription_service.hpp"

namespace csphub::api {

void WriteOrder(JsonOut& j, const domain::Order& o);
void WriteSubscription(JsonOut& j, const domain::Subscription& s);
void WriteSupportContact(JsonOut& j, const domain::Subscription& s);
// One timeline entry: {sequence, date, changes, actor, subscription}.
void WriteSubscriptionEvent(JsonOut& j, const domain::SubscriptionEvent& e);

// Reads the required array of objects `name` (e.g. "lineItems") of `root`: `read` gets each
// element with a reader whose errors name it ("lineItems[2].offerId").
Status ReadObjectArray(const ObjectReader& root, std::string_view name,
                       const std::function<Status(const ObjectReader&)>& read);

// The body of POST …/orders.
Result<domain::NewOrder> ReadNewOrder(const ObjectReader& root);
// The fields of a subscription PATCH body (the etag is read by the handler).
Result<domain::SubscriptionChange> ReadSubscriptionChange(const ObjectReader& root);

}  // namespace csphub::api
