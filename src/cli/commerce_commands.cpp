// csphub orders create | list and csphub subscriptions list | update: the order and
// subscription services, as a partner's Global admin, from the server's shell.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "api/commerce_json.hpp"
#include "cli/cli.hpp"

namespace csphub::cli {
namespace {

struct CustomerOptions {
  CommonOptions common;
  std::string partner;   // tenant ID
  std::string customer;  // tenant ID
};

void AddCustomerOptions(CLI::App& cmd, CustomerOptions& o) {
  AddCommonOptions(cmd, o.common);
  cmd.add_option("--partner", o.partner, "Acting partner's tenant ID")->required();
  cmd.add_option("--customer", o.customer, "Customer tenant ID")->required();
}

std::string ReadBody(const std::string& file) {
  std::stringstream body;
  if (file == "-") {
    body << std::cin.rdbuf();
  } else {
    std::ifstream in(file);
    if (!in) Fail("cannot read " + file);
    body << in.rdbuf();
  }
  return body.str();
}

void PrintSubscriptionLine(const domain::Subscription& s) {
  std::printf("%s  %-9s %6lld  %-32s  %s%s\n", s.id.c_str(),
              std::string(domain::SubscriptionStatusName(s.status)).c_str(),
              static_cast<long long>(s.quantity), s.friendly_name.c_str(), s.offer_id.c_str(),
              s.reseller_mpn_id.empty() ? "" : ("  reseller " + s.reseller_mpn_id).c_str());
}

void PrintOrder(const domain::Order& o) {
  std::printf("order %s  %s  %s\n", o.id.c_str(), FormatIso8601(o.created_at).c_str(),
              o.status.c_str());
  for (const auto& l : o.line_items) {
    std::printf("  %d: %s x%lld %s/%s -> subscription %s\n", l.line_item_number, l.offer_id.c_str(),
                static_cast<long long>(l.quantity), l.term_duration.c_str(),
                l.billing_cycle.c_str(), l.subscription_id.c_str());
  }
}

void AddOrdersCreate(CLI::App& orders) {
  auto o = std::make_shared<CustomerOptions>();
  auto file = std::make_shared<std::string>();
  auto line = std::make_shared<domain::NewOrderLine>();
  auto quantity = std::make_shared<std::int64_t>(0);
  CLI::App* cmd = orders.add_subcommand(
      "create", "Place an order: one line from the flags, or a POST .../orders body from --file");
  AddCustomerOptions(*cmd, *o);
  cmd->add_option("--file", *file, "The request body (- for standard input)");
  cmd->add_option("--offer", line->offer_id, "Offer ID or catalogItemId (one-line order)");
  cmd->add_option("--quantity", *quantity, "Licenses");
  cmd->add_option("--term", line->term_duration, "P1M, P1Y or P3Y");
  cmd->add_option("--billing-cycle", line->billing_cycle, "monthly, annual, ...");
  cmd->add_option("--friendly-name", line->friendly_name, "The subscription's name");
  cmd->add_option("--partner-on-record", line->partner_id_on_record, "The reseller's MPN ID");
  cmd->callback([o, file, line, quantity] {
    domain::NewOrder order;
    if (!file->empty()) {
      if (!line->offer_id.empty()) Fail("give either --file or --offer, not both");
      auto in = OrFail(api::JsonIn::Parse(ReadBody(*file)));
      order = OrFail(api::ReadNewOrder(in->Root()));
    } else {
      if (line->offer_id.empty()) Fail("give --offer (and --quantity), or --file");
      if (*quantity > 0) line->quantity = *quantity;
      order.line_items.push_back(*line);
    }
    auto a = OpenApplication(o->common);
    auto placed = OrFail(a->orders().Create(PartnerAdminContext(o->partner), o->customer, order));
    if (Json(o->common)) {
      api::JsonOut j;
      api::WriteOrder(j, placed);
      std::printf("%s\n", j.str().c_str());
      return;
    }
    PrintOrder(placed);
  });
}

void AddOrdersList(CLI::App& orders) {
  auto o = std::make_shared<CustomerOptions>();
  CLI::App* cmd = orders.add_subcommand("list", "List the customer's orders");
  AddCustomerOptions(*cmd, *o);
  cmd->callback([o] {
    auto a = OpenApplication(o->common);
    auto list = OrFail(a->orders().List(PartnerAdminContext(o->partner), o->customer));
    api::JsonOut j;
    j.BeginArray();
    for (const auto& order : list) {
      if (Json(o->common)) {
        api::WriteOrder(j, order);
      } else {
        PrintOrder(order);
      }
    }
    j.EndArray();
    if (Json(o->common)) std::printf("%s\n", j.str().c_str());
  });
}

void AddSubscriptionsList(CLI::App& subs) {
  auto o = std::make_shared<CustomerOptions>();
  auto order_id = std::make_shared<std::string>();
  auto mpn_id = std::make_shared<std::string>();
  CLI::App* cmd = subs.add_subcommand("list", "List the customer's subscriptions");
  AddCustomerOptions(*cmd, *o);
  cmd->add_option("--order", *order_id, "Only this order's");
  cmd->add_option("--mpn-id", *mpn_id, "Only those on record for this reseller");
  cmd->callback([o, order_id, mpn_id] {
    auto a = OpenApplication(o->common);
    auto list = OrFail(
        a->subscriptions().List(PartnerAdminContext(o->partner), o->customer, *order_id, *mpn_id));
    api::JsonOut j;
    j.BeginArray();
    for (const auto& s : list) {
      if (Json(o->common)) {
        api::WriteSubscription(j, s);
      } else {
        PrintSubscriptionLine(s);
      }
    }
    j.EndArray();
    if (Json(o->common)) std::printf("%s\n", j.str().c_str());
  });
}

void AddSubscriptionsUpdate(CLI::App& subs) {
  auto o = std::make_shared<CustomerOptions>();
  auto id = std::make_shared<std::string>();
  auto change = std::make_shared<domain::SubscriptionChange>();
  auto quantity = std::make_shared<std::int64_t>(0);
  auto status = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  auto auto_renew = std::make_shared<std::string>();
  auto partner_id = std::make_shared<std::string>();
  CLI::App* cmd = subs.add_subcommand(
      "update", "Change a subscription's quantity, status, name, auto-renewal or reseller");
  AddCustomerOptions(*cmd, *o);
  cmd->add_option("subscription", *id, "Subscription ID")->required();
  cmd->add_option("--quantity", *quantity, "New license count");
  cmd->add_option("--status", *status, "active or suspended");
  cmd->add_option("--friendly-name", *name, "New name");
  cmd->add_option("--auto-renew", *auto_renew, "true or false")
      ->check(CLI::IsMember({"true", "false"}));
  cmd->add_option("--partner-id", *partner_id, "The reseller of record's MPN ID (\"\" removes it)");
  cmd->callback([=] {
    auto a = OpenApplication(o->common);
    const auto ctx = PartnerAdminContext(o->partner);
    // The CLI changes the subscription as it is now: it reads the etag itself.
    const auto current = OrFail(a->subscriptions().Get(ctx, o->customer, *id));
    change->etag = current.etag;
    if (*quantity > 0) change->quantity = *quantity;
    if (!status->empty()) change->status = *status;
    if (!name->empty()) change->friendly_name = *name;
    if (!auto_renew->empty()) change->auto_renew = *auto_renew == "true";
    if (cmd->count("--partner-id") > 0) change->partner_id = *partner_id;
    auto updated = OrFail(a->subscriptions().Update(ctx, o->customer, *id, *change));
    if (Json(o->common)) {
      api::JsonOut j;
      api::WriteSubscription(j, updated);
      std::printf("%s\n", j.str().c_str());
      return;
    }
    PrintSubscriptionLine(updated);
  });
}

}  // namespace

void AddCommerceCommands(CLI::App& root) {
  CLI::App* orders = root.add_subcommand("orders", "Place and list a customer's orders");
  orders->require_subcommand(1);
  AddOrdersCreate(*orders);
  AddOrdersList(*orders);
  CLI::App* subs =
      root.add_subcommand("subscriptions", "List and change a customer's subscriptions");
  subs->require_subcommand(1);
  AddSubscriptionsList(*subs);
  AddSubscriptionsUpdate(*subs);
}

}  // namespace csphub::cli
