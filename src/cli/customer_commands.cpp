// csphub customers list | get | create | export: the customer services, as a partner's Global
// admin, from the server's shell.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "api/customer_csv.hpp"
#include "api/customer_json.hpp"
#include "cli/cli.hpp"

namespace csphub::cli {
namespace {

struct PartnerOptions {
  CommonOptions common;
  std::string partner;  // tenant ID
};

void AddPartnerOptions(CLI::App& cmd, PartnerOptions& o) {
  AddCommonOptions(cmd, o.common);
  cmd.add_option("--partner", o.partner, "Acting partner's tenant ID")->required();
}

void PrintCustomerLine(const domain::CustomerSummary& c) {
  // The name padded to 40 bytes, as "%-40s" would.
  std::printf("%.*s  %-40.*s  %.*s\n", static_cast<int>(c.id.size()), c.id.data(),
              static_cast<int>(c.company_name.size()), c.company_name.data(),
              static_cast<int>(c.domain.size()), c.domain.data());
}

void AddList(CLI::App& customers) {
  auto o = std::make_shared<PartnerOptions>();
  auto filter = std::make_shared<std::string>();
  auto size = std::make_shared<int>(0);
  auto all = std::make_shared<bool>(false);
  CLI::App* cmd = customers.add_subcommand("list", "List the partner's customers");
  AddPartnerOptions(*cmd, *o);
  cmd->add_option("--filter", *filter,
                  R"(Partner Center filter JSON, e.g. {"Field":"CompanyName","Value":"con"})");
  cmd->add_option("--size", *size, "Page size (1-500)");
  cmd->add_flag("--all", *all, "Follow continuation tokens to the end");
  cmd->callback([o, filter, size, all] {
    auto a = OpenApplication(o->common);
    domain::CustomerListRequest req;
    req.size = *size;
    if (!filter->empty()) {
      Status st = api::ReadCustomerFilter(*filter, req);
      if (!st.ok()) Fail(st.description());
    }
    const auto ctx = PartnerAdminContext(o->partner);
    api::JsonOut j;
    j.BeginArray();
    while (true) {
      auto page = OrFail(a->customers().List(ctx, req));
      for (const auto& c : page.items) {
        if (Json(o->common)) {
          api::WriteCustomerListItem(j, c);  // as GET /v1/customers lists it
        } else {
          PrintCustomerLine(c);
        }
      }
      if (!*all || page.continuation.empty()) {
        if (!page.continuation.empty() && !Json(o->common)) {
          std::fprintf(stderr, "more: --all, or continue with the API's continuation token\n");
        }
        break;
      }
      req.continuation = page.continuation;
    }
    j.EndArray();
    if (Json(o->common)) std::printf("%s\n", j.str().c_str());
  });
}

void AddGet(CLI::App& customers) {
  auto o = std::make_shared<PartnerOptions>();
  auto id = std::make_shared<std::string>();
  CLI::App* cmd = customers.add_subcommand("get", "Show one customer");
  AddPartnerOptions(*cmd, *o);
  cmd->add_option("customer", *id, "Customer tenant ID")->required();
  cmd->callback([o, id] {
    auto a = OpenApplication(o->common);
    auto d = OrFail(a->customers().Get(PartnerAdminContext(o->partner), *id));
    if (Json(o->common)) {
      std::printf("%s\n", api::CustomerBody(d, {.with_delegated_access = true}).c_str());
      return;
    }
    const auto& c = d.view.customer;
    std::printf("id: %s\ncompany: %s\ndomain: %s\ncountry: %s\ndelegated admin: %s\n", c.id.c_str(),
                c.billing.company_name.c_str(), c.domain.c_str(),
                c.billing.default_address.country.c_str(), d.delegated_admin ? "yes" : "no");
  });
}

void AddCreate(CLI::App& customers) {
  auto o = std::make_shared<PartnerOptions>();
  auto file = std::make_shared<std::string>();
  CLI::App* cmd = customers.add_subcommand(
      "create", "Create a customer from a JSON file shaped like POST /v1/customers");
  AddPartnerOptions(*cmd, *o);
  cmd->add_option("--file", *file, "The request body (- for standard input)")->required();
  cmd->callback([o, file] {
    std::stringstream body;
    if (*file == "-") {
      body << std::cin.rdbuf();
    } else {
      std::ifstream in(*file);
      if (!in) Fail("cannot read " + *file);
      body << in.rdbuf();
    }
    auto input = OrFail(api::ReadNewCustomer(body.str()));
    auto a = OpenApplication(o->common);
    auto created = OrFail(a->customers().Create(PartnerAdminContext(o->partner), input));
    if (Json(o->common)) {
      std::printf("%s\n", api::CustomerBody(created.details, {.created = &created}).c_str());
      return;
    }
    std::printf("created %s (%s)\nadmin user: %s\ntemporary password (shown once): %s\n",
                created.details.view.customer.id.c_str(),
                created.details.view.customer.domain.c_str(), created.admin_user_name.c_str(),
                created.admin_password.c_str());
  });
}

void AddExport(CLI::App& customers) {
  auto o = std::make_shared<PartnerOptions>();
  auto file = std::make_shared<std::string>("-");
  CLI::App* cmd = customers.add_subcommand("export", "Write the customer list as CSV");
  AddPartnerOptions(*cmd, *o);
  cmd->add_option("--file", *file, "Where to write (- for standard output)");
  cmd->callback([o, file] {
    auto a = OpenApplication(o->common);
    std::ofstream out_file;
    if (*file != "-") {
      out_file.open(*file, std::ios::binary | std::ios::trunc);
      if (!out_file) Fail("cannot write " + *file);
    }
    std::ostream& out = *file == "-" ? std::cout : out_file;
    out << api::CustomerCsvHeader();
    std::size_t rows = 0;
    Status st = a->customers().Export(PartnerAdminContext(o->partner),
                                      [&](const domain::CustomerSummaries& page) {
                                        std::string chunk;
                                        for (const auto& v : page)
                                          api::AppendCustomerCsvRow(chunk, v);
                                        out << chunk;
                                        rows += page.size();
                                        return out ? Status::Ok() : Internal("write failed");
                                      });
    if (!st.ok()) Fail(st.description());
    out.flush();
    std::fprintf(stderr, "%zu customers exported\n", rows);
  });
}

}  // namespace

void AddCustomerCommands(CLI::App& root) {
  CLI::App* customers = root.add_subcommand("customers", "List, show, create and export customers");
  customers->require_subcommand(1);
  AddList(*customers);
  AddGet(*customers);
  AddCreate(*customers);
  AddExport(*customers);
}

}  // namespace csphub::cli
