// csphub init | migrate | demo-credentials | partner … | partnership …
#include <cstdio>

#include "api/json.hpp"
#include "app/application.hpp"
#include "app/demo_data.hpp"
#include "app/store_factory.hpp"
#include "cli/cli.hpp"
#include "common/ids.hpp"

namespace csphub::cli {
namespace {

domain::CallContext OperatorContext() {
  domain::CallContext ctx;
  ctx.kind = domain::PrincipalKind::kOperator;
  ctx.subject_id = "operator";
  ctx.user_principal_name = "operator (cli)";
  return ctx;
}

void PrintPartner(api::JsonOut& j, const domain::Partner& p) {
  j.BeginObject().Field("tenantId", p.tenant_id).Field("name", p.name).Field("country", p.country);
  j.StringArray("programs", domain::ProgramNames(p.programs)).Field("mpnId", p.mpn_id);
  j.Field("domain", p.domain).Field("state", p.disabled ? "disabled" : "active").EndObject();
}

void AddInit(CLI::App& root) {
  auto opts = std::make_shared<CommonOptions>();
  auto rotate = std::make_shared<bool>(false);
  CLI::App* cmd = root.add_subcommand("init", "Create the database and the operator credential");
  AddCommonOptions(*cmd, *opts);
  cmd->add_flag("--rotate", *rotate, "Replace an existing operator credential");
  cmd->callback([opts, rotate] {
    auto a = OpenApplication(*opts);
    const std::string secret = OrFail(a->identity().InitOperator(*rotate));
    if (Json(*opts)) {
      api::JsonOut j;
      j.BeginObject().Field("clientId", domain::kOperatorClientId).Field("clientSecret", secret);
      j.Field("tokenEndpoint", "/operator/oauth2/v2.0/token").EndObject();
      std::printf("%s\n", j.str().c_str());
    } else {
      std::printf(
          "Operator credential created. It is shown only now; store it safely.\n"
          "  client_id:     %s\n  client_secret: %s\n"
          "Get a token: POST /operator/oauth2/v2.0/token with grant_type=client_credentials\n",
          domain::kOperatorClientId, secret.c_str());
    }
  });
}

void AddMigrate(CLI::App& root) {
  auto opts = std::make_shared<CommonOptions>();
  CLI::App* cmd = root.add_subcommand("migrate", "Apply database migrations");
  AddCommonOptions(*cmd, *opts);
  cmd->callback([opts] {
    const app::Config config = ResolveConfig(*opts);
    const int version = OrFail(app::MigrateDatabase(config.database));
    if (Json(*opts)) {
      std::printf("{\"schemaVersion\":%d}\n", version);
    } else {
      std::printf("Database %s is at schema version %d.\n",
                  app::RedactedDatabase(config.database).c_str(), version);
    }
  });
}

void AddDemoCredentials(CLI::App& root) {
  auto output = std::make_shared<std::string>("json");
  CLI::App* cmd = root.add_subcommand("demo-credentials", "Print the demo data set's credentials");
  cmd->add_option("--output", *output, "json (the only format)")->check(CLI::IsMember({"json"}));
  // The callback owns `output`: CLI11 writes the parsed value into it after this returns.
  cmd->callback([output] {
    const auto& d = app::Demo();
    api::JsonOut j;
    j.BeginObject().BeginObject("operator").Field("clientId", d.operator_client_id);
    j.Field("clientSecret", d.operator_secret).EndObject().BeginArray("partners");
    for (const auto& p : d.partners) {
      j.BeginObject()
          .Field("tenantId", p.tenant_id)
          .Field("name", p.name)
          .Field("country", p.country);
      j.StringArray("programs", p.programs).Field("mpnId", p.mpn_id).Field("domain", p.domain);
      j.BeginObject("app")
          .Field("clientId", p.client_id)
          .Field("clientSecret", p.client_secret)
          .EndObject();
      j.BeginArray("users");
      for (const auto& u : p.users) {
        j.BeginObject().Field("userPrincipalName", u.user_principal_name).Field("role", u.role);
        j.Field("password", u.password).EndObject();
      }
      j.EndArray().EndObject();
    }
    j.EndArray().BeginArray("customers");
    for (const auto& c : d.customers) {
      j.BeginObject()
          .Field("tenantId", c.tenant_id)
          .Field("companyName", c.company_name)
          .Field("domain", c.domain)
          .Field("partnerTenantId", d.partners[c.created_by].tenant_id);
      if (c.reseller) j.Field("indirectResellerTenantId", d.partners[*c.reseller].tenant_id);
      j.BeginObject("admin")
          .Field("userPrincipalName", c.admin_user_principal_name)
          .Field("password", c.admin_password)
          .EndObject()
          .EndObject();
    }
    j.EndArray().EndObject();
    std::printf("%s\n", j.str().c_str());
  });
}

void AddPartner(CLI::App& root) {
  CLI::App* partner = root.add_subcommand("partner", "Enroll and manage partners (operator)");
  partner->require_subcommand(1);

  auto opts = std::make_shared<CommonOptions>();
  auto req = std::make_shared<domain::EnrollPartnerRequest>();
  CLI::App* enroll = partner->add_subcommand("enroll", "Enroll a partner");
  AddCommonOptions(*enroll, *opts);
  enroll->add_option("--name", req->name)->required();
  enroll->add_option("--country", req->country)->required();
  enroll
      ->add_option("--programs", req->programs, "direct_bill, indirect_provider, indirect_reseller")
      ->required()
      ->delimiter(',');
  enroll->add_option("--mpn-id", req->mpn_id)->required();
  enroll->add_option("--domain", req->domain);
  enroll->callback([opts, req] {
    auto a = OpenApplication(*opts);
    auto e = OrFail(a->partners().Enroll(OperatorContext(), *req));
    api::JsonOut j;
    j.BeginObject().Key("partner");
    PrintPartner(j, e.partner);
    j.BeginObject("adminUser").Field("userPrincipalName", e.admin_user_name);
    j.Field("temporaryPassword", e.admin_temporary_password).EndObject().EndObject();
    if (Json(*opts)) {
      std::printf("%s\n", j.str().c_str());
    } else {
      std::printf(
          "Enrolled %s: tenant %s, domain %s\nGlobal admin: %s\nTemporary password "
          "(shown once, must be changed at first sign-in): %s\n",
          e.partner.name.c_str(), e.partner.tenant_id.c_str(), e.partner.domain.c_str(),
          e.admin_user_name.c_str(), e.admin_temporary_password.c_str());
    }
  });

  auto list_opts = std::make_shared<CommonOptions>();
  CLI::App* list = partner->add_subcommand("list", "List partners");
  AddCommonOptions(*list, *list_opts);
  list->callback([list_opts] {
    auto a = OpenApplication(*list_opts);
    auto partners = OrFail(a->partners().List(OperatorContext(), std::nullopt, 100000));
    if (Json(*list_opts)) {
      api::JsonOut j;
      j.BeginArray();
      for (const auto& p : partners) PrintPartner(j, p);
      j.EndArray();
      std::printf("%s\n", j.str().c_str());
      return;
    }
    std::printf("%-36s  %-8s  %-10s  %-7s  %s\n", "TENANT", "STATE", "MPN", "COUNTRY", "NAME");
    for (const auto& p : partners) {
      std::printf("%-36s  %-8s  %-10s  %-7s  %s\n", p.tenant_id.c_str(),
                  p.disabled ? "disabled" : "active", p.mpn_id.c_str(), p.country.c_str(),
                  p.name.c_str());
    }
  });

  for (const bool disable : {true, false}) {
    auto o = std::make_shared<CommonOptions>();
    auto tenant = std::make_shared<std::string>();
    CLI::App* cmd = partner->add_subcommand(disable ? "disable" : "enable",
                                            disable ? "Disable a partner" : "Enable a partner");
    AddCommonOptions(*cmd, *o);
    cmd->add_option("tenant", *tenant, "Partner tenant ID")->required();
    cmd->callback([o, tenant, disable] {
      auto a = OpenApplication(*o);
      auto p = OrFail(a->partners().SetDisabled(OperatorContext(), ToLower(*tenant), disable));
      api::JsonOut j;
      PrintPartner(j, p);
      std::printf("%s\n", j.str().c_str());
    });
  }
}

void AddPartnership(CLI::App& root) {
  CLI::App* ps = root.add_subcommand("partnership", "Provider ↔ reseller partnerships");
  ps->require_subcommand(1);

  auto req_opts = std::make_shared<CommonOptions>();
  auto provider = std::make_shared<std::string>();
  auto locale = std::make_shared<std::string>("en-US");
  CLI::App* request = ps->add_subcommand("request", "Make a provider's partnership link");
  AddCommonOptions(*request, *req_opts);
  request->add_option("--provider", *provider, "Provider tenant ID")->required();
  request->add_option("--locale", *locale, "en-US, ru-RU or zh-TW");
  request->callback([req_opts, provider, locale] {
    auto a = OpenApplication(*req_opts);
    auto issued =
        OrFail(a->partnerships().CreateInvitation(PartnerAdminContext(*provider), *locale));
    if (Json(*req_opts)) {
      api::JsonOut j;
      j.BeginObject().Field("id", issued.invitation.id).Field("url", issued.url);
      j.Field("subject", issued.email.subject).Field("body", issued.email.body).EndObject();
      std::printf("%s\n", j.str().c_str());
    } else {
      std::printf("Link (shown once): %s\n\nSubject: %s\n\n%s\n", issued.url.c_str(),
                  issued.email.subject.c_str(), issued.email.body.c_str());
    }
  });

  auto acc_opts = std::make_shared<CommonOptions>();
  auto reseller = std::make_shared<std::string>();
  auto link = std::make_shared<std::string>();
  CLI::App* accept = ps->add_subcommand("accept", "Accept a partnership link for a reseller");
  AddCommonOptions(*accept, *acc_opts);
  accept->add_option("--reseller", *reseller, "Reseller tenant ID")->required();
  accept->add_option("--link", *link, "The link (or just its token)")->required();
  accept->callback([acc_opts, reseller, link] {
    auto a = OpenApplication(*acc_opts);
    const std::string token = link->substr(link->rfind('/') + 1);
    auto l = OrFail(a->partnerships().AcceptInvitation(PartnerAdminContext(*reseller), token));
    api::JsonOut j;
    j.BeginObject()
        .Field("providerTenantId", l.other.tenant_id)
        .Field("providerName", l.other.name);
    j.Field("resellerTenantId", ToLower(*reseller)).Field("state", "active").EndObject();
    std::printf("%s\n", j.str().c_str());
  });
}

}  // namespace

void AddAdminCommands(CLI::App& root) {
  AddInit(root);
  AddMigrate(root);
  AddDemoCredentials(root);
  AddPartner(root);
  AddPartnership(root);
}

}  // namespace csphub::cli
