#include "app/demo_data.hpp"

#include "api/catalog_json.hpp"
#include "app/demo_catalog.hpp"
#include "domain/catalog/catalog_validation.hpp"

namespace csphub::app {
namespace {

constexpr const char* kPassword = "Demo!Pass-2026";

DemoPartner MakePartner(std::string tenant, std::string name, std::string country,
                        std::vector<std::string> programs, std::string mpn, std::string prefix,
                        std::string client_id, std::string secret) {
  DemoPartner p{std::move(tenant),
                std::move(name),
                std::move(country),
                std::move(programs),
                std::move(mpn),
                prefix + ".onmicrosoft.com",
                {},
                std::move(client_id),
                std::move(secret)};
  for (const auto& [local, role] :
       std::vector<std::pair<std::string, std::string>>{{"admin", "GlobalAdmin"},
                                                        {"adminagent", "AdminAgent"},
                                                        {"salesagent", "SalesAgent"},
                                                        {"helpdeskagent", "HelpdeskAgent"}}) {
    p.users.push_back({local + "@" + p.domain, role, kPassword});
  }
  return p;
}

DemoCustomer MakeCustomer(std::string tenant, std::string name, std::string prefix,
                          std::size_t created_by, std::optional<std::size_t> reseller) {
  const std::string domain = prefix + ".onmicrosoft.com";
  return {std::move(tenant), std::move(name),   domain,   created_by,
          reseller,          "admin@" + domain, kPassword};
}

domain::NewCustomer NewDemoCustomer(const DemoCustomer& c, const DemoDataSet& demo) {
  domain::NewCustomer n;
  n.fixed_tenant_id = c.tenant_id;
  n.domain = c.domain;
  domain::BillingProfile& b = n.billing;
  b.company_name = c.company_name;
  b.first_name = "Dana";
  b.last_name = "Lopez";
  b.email = "dana.lopez@" + c.domain.substr(0, c.domain.find('.')) + ".example";
  b.culture = "en-US";
  b.language = "en";
  b.default_address = {.country = "US",
                       .city = "Redmond",
                       .state = "WA",
                       .address_line1 = "1 Demo Way",
                       .postal_code = "98052",
                       .first_name = "Dana",
                       .last_name = "Lopez",
                       .phone_number = "+1 425 555 0100"};
  if (c.reseller) n.associated_partner_id = demo.partners[*c.reseller].tenant_id;
  return n;
}

domain::CallContext OperatorContext() {
  domain::CallContext ctx;
  ctx.kind = domain::PrincipalKind::kOperator;
  ctx.subject_id = "operator";
  ctx.user_principal_name = "operator (demo seed)";
  return ctx;
}

domain::CallContext AdminOf(const DemoPartner& p) {
  domain::CallContext ctx;
  ctx.kind = domain::PrincipalKind::kPartnerUser;
  ctx.tenant_id = p.tenant_id;
  ctx.subject_id = "demo-seed";
  ctx.user_principal_name = p.users[0].user_principal_name;
  ctx.roles = domain::RoleSet{domain::Role::kGlobalAdmin};
  return ctx;
}

// Imports the embedded demo catalog unless the database already holds this version or a newer
// one. Runs on every --demo start, so a demo database made before the catalog existed (or
// with an older demo catalog) gets the current one.
Status SeedDemoCatalog(Application& app) {
  ASSIGN_OR_RETURN(domain::Catalog catalog, api::ReadCatalogJson(std::string(DemoCatalogJson())));
  const auto op = OperatorContext();
  ASSIGN_OR_RETURN(auto current, app.catalog().CurrentVersion(op));
  if (current) {
    const auto cmp = domain::CompareCatalogVersions(current->version, catalog.version);
    if (cmp && *cmp >= 0) return Status::Ok();
  }
  ASSIGN_OR_RETURN(auto imported, app.catalog().Import(op, std::move(catalog), "demo", false));
  return Status::Ok();
}

// Purchases, so that the subscription pages have something to show: Wingtip Toys (the
// provider's, E3 sold with Contoso Reseller on record) and Alpine Ski House (the direct-bill
// partner's), each with its customer agreement confirmed first, as an order requires.
Status SeedDemoPurchases(Application& app, const DemoDataSet& demo) {
  const auto line = [](std::string offer, std::int64_t quantity, std::string term,
                       std::string cycle, std::string on_record = {}) {
    domain::NewOrderLine l;
    l.offer_id = std::move(offer);
    l.quantity = quantity;
    l.term_duration = std::move(term);
    l.billing_cycle = std::move(cycle);
    l.partner_id_on_record = std::move(on_record);
    return l;
  };
  const std::string e3 = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4004";
  const std::string basic = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4001";
  const std::string standard = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4002";
  const std::string azure = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4009";
  const std::vector<std::pair<std::size_t, domain::NewOrder>> purchases = {
      {1,
       {.line_items = {line(e3, 25, "P1Y", "annual", demo.partners[1].mpn_id),
                       line(basic, 10, "P1M", "monthly")}}},
      {4, {.line_items = {line(standard, 5, "P1M", "monthly"), line(azure, 1, "", "monthly")}}},
  };
  for (const auto& [index, order] : purchases) {
    const DemoCustomer& c = demo.customers[index];
    const auto seller = AdminOf(demo.partners[c.created_by]);
    domain::NewAgreement agreement{
        .primary_contact = {"Megan", "Bowen", "megan.bowen@" + c.domain + ".example"},
        .date_agreed = "2024-01-15"};
    ASSIGN_OR_RETURN(auto attested, app.agreements().Create(seller, c.tenant_id, agreement));
    ASSIGN_OR_RETURN(auto placed, app.orders().Create(seller, c.tenant_id, order));
  }
  return Status::Ok();
}

}  // namespace

const DemoDataSet& Demo() {
  static const DemoDataSet kDemo{
      "operator",
      "demo-operator-secret-not-for-production",
      {
          MakePartner("11111111-1111-4111-8111-111111111111", "Northwind Distribution", "US",
                      {"indirect_provider"}, "1000001", "northwinddist",
                      "a1111111-1111-4111-8111-111111111111", "demo-secret-northwind-provider"),
          MakePartner("22222222-2222-4222-8222-222222222222", "Contoso Reseller", "US",
                      {"indirect_reseller"}, "2000002", "contosoreseller",
                      "a2222222-2222-4222-8222-222222222222", "demo-secret-contoso-reseller"),
          MakePartner("33333333-3333-4333-8333-333333333333", "Fabrikam Solutions", "US",
                      {"indirect_reseller"}, "3000003", "fabrikamsolutions",
                      "a3333333-3333-4333-8333-333333333333", "demo-secret-fabrikam-reseller"),
          MakePartner("44444444-4444-4444-8444-444444444444", "Tailspin Direct", "US",
                      {"direct_bill"}, "4000004", "tailspindirect",
                      "a4444444-4444-4444-8444-444444444444", "demo-secret-tailspin-direct"),
      },
      {
          // The provider's customers, two of them brought in for Contoso Reseller.
          MakeCustomer("c1111111-0000-4000-8000-000000000001", "Adatum Corporation", "adatum", 0,
                       1),
          MakeCustomer("c1111111-0000-4000-8000-000000000002", "Wingtip Toys", "wingtiptoys", 0, 1),
          MakeCustomer("c1111111-0000-4000-8000-000000000003", "Litware Inc", "litware", 0,
                       std::nullopt),
          // The direct-bill partner's customers.
          MakeCustomer("c4444444-0000-4000-8000-000000000001", "Fourth Coffee", "fourthcoffee", 3,
                       std::nullopt),
          MakeCustomer("c4444444-0000-4000-8000-000000000002", "Alpine Ski House", "alpineskihouse",
                       3, std::nullopt),
      }};
  return kDemo;
}

Status SeedDemo(Application& app) {
  const DemoDataSet& demo = Demo();
  RETURN_IF_ERROR(SeedDemoCatalog(app));
  bool present = false;
  RETURN_IF_ERROR(app.store().Read([&](domain::Repositories& repos) -> Status {
    present = repos.Partners().Get(demo.partners[0].tenant_id).ok();
    return Status::Ok();
  }));
  if (present) return Status::Ok();

  ASSIGN_OR_RETURN(std::string ignored, app.identity().InitOperator(true, demo.operator_secret));
  const auto op = OperatorContext();
  for (const DemoPartner& p : demo.partners) {
    domain::EnrollPartnerRequest r{p.name,   p.country,   p.programs,         p.mpn_id,
                                   p.domain, p.tenant_id, p.users[0].password};
    ASSIGN_OR_RETURN(auto enrolled, app.partners().Enroll(op, r));
    const auto admin = AdminOf(p);
    for (size_t i = 1; i < p.users.size(); ++i) {
      const DemoUser& u = p.users[i];
      domain::NewPartnerUser nu{u.user_principal_name, u.role, "", "", {u.role}, u.password};
      ASSIGN_OR_RETURN(auto created, app.identity().CreateUser(admin, nu));
    }
    ASSIGN_OR_RETURN(auto app_reg, app.identity().CreateApp(admin, p.name + " integration", {},
                                                            p.client_id, p.client_secret));
  }
  // The provider and the first reseller are partners, through the real invitation flow.
  ASSIGN_OR_RETURN(auto invitation,
                   app.partnerships().CreateInvitation(AdminOf(demo.partners[0]), "en-US"));
  const std::string token = invitation.url.substr(invitation.url.rfind('/') + 1);
  ASSIGN_OR_RETURN(auto link,
                   app.partnerships().AcceptInvitation(AdminOf(demo.partners[1]), token));

  // Customers, created as a partner would; their admins get the demo password, already
  // changed, so the customer side can be tried at once.
  for (const DemoCustomer& c : demo.customers) {
    ASSIGN_OR_RETURN(auto created, app.customers().Create(AdminOf(demo.partners[c.created_by]),
                                                          NewDemoCustomer(c, demo)));
    ASSIGN_OR_RETURN(std::string hash, app.deps().hasher.Hash(c.admin_password));
    RETURN_IF_ERROR(app.store().Write([&](domain::Repositories& repos) -> Status {
      ASSIGN_OR_RETURN(domain::CustomerUser admin,
                       repos.CustomerUsers().GetByPrincipalName(c.admin_user_principal_name));
      admin.password_hash = hash;
      admin.must_change_password = false;
      return repos.CustomerUsers().Update(admin);
    }));
  }
  return SeedDemoPurchases(app, demo);
}

}  // namespace csphub::app
