#include "domain/identity/permissions.hpp"

#include <gtest/gtest.h>

#include "domain/identity/role.hpp"

namespace csphub::domain {
namespace {

CallContext Partner(RoleSet roles) {
  CallContext ctx;
  ctx.kind = PrincipalKind::kPartnerUser;
  ctx.tenant_id = "t1";
  ctx.subject_id = "u1";
  ctx.roles = roles;
  return ctx;
}

CallContext Operator() {
  CallContext ctx;
  ctx.kind = PrincipalKind::kOperator;
  ctx.subject_id = "operator";
  return ctx;
}

const RoleSet kAllRoles{Role::kGlobalAdmin,   Role::kAdminAgent,          Role::kSalesAgent,
                        Role::kHelpdeskAgent, Role::kUserManagementAdmin, Role::kBillingAdmin};

TEST(PermissionsTest, EveryOperationHasRolesAndName) {
  for (int i = 0; i < static_cast<int>(Operation::kCount); ++i) {
    const auto op = static_cast<Operation>(i);
    EXPECT_FALSE(AllowedRoles(op).empty()) << "operation " << i;
    EXPECT_FALSE(OperationName(op).empty()) << "operation " << i;
  }
}

TEST(PermissionsTest, DeniesPartnerWithoutRole) {
  const Status s = Authorize(Partner({Role::kBillingAdmin}), Operation::kManageAppRegistrations);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(s.pc_code(), 900150);
  EXPECT_NE(s.description().find("Global admin"), std::string::npos) << s.description();
}

TEST(PermissionsTest, DeniesPartnerWithNoRolesAtAll) {
  const Status s = Authorize(Partner({}), Operation::kViewActivityLog);
  EXPECT_EQ(s.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(s.pc_code(), pc::kRoleLacksRights);
}

TEST(PermissionsTest, AllowsPartnerWithRole) {
  EXPECT_TRUE(Authorize(Partner({Role::kGlobalAdmin}), Operation::kManageAppRegistrations).ok());
  EXPECT_TRUE(
      Authorize(Partner({Role::kBillingAdmin, Role::kSalesAgent}), Operation::kPlaceOrder).ok());
  CallContext app = Partner({Role::kAdminAgent});
  app.kind = PrincipalKind::kApp;
  EXPECT_TRUE(Authorize(app, Operation::kAcceptPartnership).ok());
}

TEST(PermissionsTest, OperatorDeniedPartnerOperations) {
  CallContext op = Operator();
  op.roles = kAllRoles;  // even with every role bit, an operator is not a partner
  const Status s = Authorize(op, Operation::kViewCustomers);
  EXPECT_EQ(s.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(s.pc_code(), 900150);
}

TEST(PermissionsTest, CustomerUserDenied) {
  CallContext c = Partner(kAllRoles);
  c.kind = PrincipalKind::kCustomerUser;
  EXPECT_EQ(Authorize(c, Operation::kViewCustomers).code(), StatusCode::kPermissionDenied);
}

TEST(PermissionsTest, AuthorizeOperator) {
  EXPECT_TRUE(AuthorizeOperator(Operator()).ok());
  const Status s = AuthorizeOperator(Partner(kAllRoles));
  EXPECT_EQ(s.code(), StatusCode::kPermissionDenied);
}

TEST(PermissionsTest, MatrixCells) {
  EXPECT_EQ(AllowedRoles(Operation::kManageAppRegistrations), RoleSet({Role::kGlobalAdmin}));
  EXPECT_EQ(AllowedRoles(Operation::kAcceptPartnership),
            RoleSet({Role::kGlobalAdmin, Role::kAdminAgent}));
  EXPECT_EQ(AllowedRoles(Operation::kViewActivityLog), kAllRoles);
  const RoleSet manage = AllowedRoles(Operation::kManagePartnerships);
  EXPECT_FALSE(manage.Has(Role::kHelpdeskAgent));
  EXPECT_FALSE(manage.Has(Role::kBillingAdmin));
  EXPECT_TRUE(manage.Has(Role::kGlobalAdmin));
}

TEST(PermissionsTest, ParseRole) {
  EXPECT_EQ(ParseRole("GlobalAdmin"), Role::kGlobalAdmin);
  EXPECT_EQ(ParseRole("global_admin"), Role::kGlobalAdmin);
  EXPECT_EQ(ParseRole("Global admin"), Role::kGlobalAdmin);
  EXPECT_EQ(ParseRole("UserManagementAdmin"), Role::kUserManagementAdmin);
  EXPECT_FALSE(ParseRole("root").has_value());
  EXPECT_FALSE(ParseRole("").has_value());
}

TEST(PermissionsTest, RoleNamesRoundTrip) {
  for (int i = 0; i < kRoleCount; ++i) {
    const auto r = static_cast<Role>(i);
    EXPECT_EQ(ParseRole(RoleName(r)), r);
    EXPECT_EQ(ParseRole(RoleDisplayName(r)), r);
  }
}

}  // namespace
}  // namespace csphub::domain
