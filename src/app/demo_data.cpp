#include "app/demo_data.hpp"

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
      }};
  return kDemo;
}

Status SeedDemo(Application& app) {
  const DemoDataSet& demo = Demo();
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
  return Status::Ok();
}

}  // namespace csphub::app
