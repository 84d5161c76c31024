#include "api/directory_json.hpp"

#include "api/customer_json.hpp"
#include "common/ids.hpp"

namespace csphub::api {
namespace {

Result<std::optional<domain::PasswordProfile>> ReadPasswordProfile(const ObjectReader& root) {
  ASSIGN_OR_RETURN(auto profile, root.OptionalObject("passwordProfile"));
  if (!profile) return std::optional<domain::PasswordProfile>();
  domain::PasswordProfile p;
  ASSIGN_OR_RETURN(p.password, profile->StringOrEmpty("password"));
  ASSIGN_OR_RETURN(auto force, profile->OptionalBool("forceChangePassword"));
  p.force_change = force.value_or(true);
  return std::optional<domain::PasswordProfile>(std::move(p));
}

}  // namespace

void WriteCustomerUser(JsonOut& j, const domain::CustomerUser& u,
                       const std::string& temporary_password) {
  j.BeginObject().Field("id", u.id).Field("userPrincipalName", u.user_principal_name);
  j.Field("firstName", u.first_name).Field("lastName", u.last_name);
  j.Field("displayName", u.display_name).Field("usageLocation", u.usage_location);
  if (!temporary_password.empty()) {
    j.BeginObject("passwordProfile")
        .Field("password", temporary_password)
        .Field("forceChangePassword", true)
        .EndObject();
  }
  j.Field("userDomainType", "managed").Field("state", u.state);
  if (u.soft_deleted_at) j.Field("softDeletionTime", FormatIso8601(*u.soft_deleted_at));
  WriteSelfLink(j, {"/customers/", u.customer_id, "/users/", u.id});
  j.Attributes("CustomerUser").EndObject();
}

void WriteDirectoryRole(JsonOut& j, const domain::DirectoryRole& r) {
  j.BeginObject().Field("id", r.id).Field("name", r.name);
  j.Attributes("DirectoryRole").EndObject();
}

void WriteUserMember(JsonOut& j, const domain::CustomerUser& u, std::string_view role_id) {
  j.BeginObject().Field("id", u.id).Field("displayName", u.display_name);
  j.Field("userPrincipalName", u.user_principal_name).Field("roleId", role_id);
  j.Attributes("UserMember").EndObject();
}

void WriteSubscribedSku(JsonOut& j, const domain::SubscribedSku& s) {
  j.BeginObject().Field("availableUnits", s.Available()).Field("activeUnits", s.active_units);
  j.Field("consumedUnits", s.consumed_units).Field("suspendedUnits", s.suspended_units);
  j.Field("totalUnits", s.active_units + s.suspended_units).Field("warningUnits", std::int64_t{0});
  j.BeginObject("productSku").Field("id", s.sku_id).Field("name", s.name);
  j.Field("skuPartNumber", s.sku_id).Field("targetType", "User").EndObject();
  j.BeginArray("servicePlans").EndArray();
  j.Field("capabilityStatus", s.active_units > 0 ? "Enabled" : "Suspended");
  j.Attributes("SubscribedSku").EndObject();
}

void WriteLicense(JsonOut& j, const domain::UserLicense& l) {
  j.BeginObject();
  j.BeginObject("productSku").Field("id", l.assignment.sku_id).Field("name", l.sku_name);
  j.Field("skuPartNumber", l.assignment.sku_id).Field("targetType", "User").EndObject();
  j.BeginArray("servicePlans").EndArray();
  j.StringArray("excludedPlans", l.assignment.excluded_plans);
  j.Attributes("License").EndObject();
}

void WriteLicenseUpdate(JsonOut& j, const domain::LicenseUpdate& u) {
  j.BeginObject().BeginArray("licensesToAssign");
  for (const auto& a : u.assign) {
    j.BeginObject().Field("skuId", a.sku_id).StringArray("excludedPlans", a.excluded_plans);
    j.EndObject();
  }
  j.EndArray().StringArray("licensesToRemove", u.remove);
  j.BeginArray("licenseWarnings").EndArray();
  j.Attributes("LicenseUpdate").EndObject();
}

Result<domain::NewCustomerUser> ReadNewCustomerUser(const ObjectReader& root) {
  domain::NewCustomerUser u;
  ASSIGN_OR_RETURN(u.user_principal_name, root.StringOrEmpty("userPrincipalName"));
  ASSIGN_OR_RETURN(u.first_name, root.StringOrEmpty("firstName"));
  ASSIGN_OR_RETURN(u.last_name, root.StringOrEmpty("lastName"));
  ASSIGN_OR_RETURN(u.display_name, root.StringOrEmpty("displayName"));
  ASSIGN_OR_RETURN(u.usage_location, root.StringOrEmpty("usageLocation"));
  ASSIGN_OR_RETURN(u.password_profile, ReadPasswordProfile(root));
  return u;
}

Result<domain::CustomerUserPatch> ReadCustomerUserPatch(const ObjectReader& root) {
  domain::CustomerUserPatch p;
  ASSIGN_OR_RETURN(p.first_name, root.OptionalString("firstName"));
  ASSIGN_OR_RETURN(p.last_name, root.OptionalString("lastName"));
  ASSIGN_OR_RETURN(p.display_name, root.OptionalString("displayName"));
  ASSIGN_OR_RETURN(p.usage_location, root.OptionalString("usageLocation"));
  ASSIGN_OR_RETURN(p.state, root.OptionalString("state"));
  ASSIGN_OR_RETURN(p.password_profile, ReadPasswordProfile(root));
  return p;
}

Result<domain::LicenseUpdate> ReadLicenseUpdate(const ObjectReader& root) {
  domain::LicenseUpdate u;
  const rapidjson::Value* assign = root.Find("licensesToAssign");
  if (assign != nullptr) {
    if (!assign->IsArray()) return InvalidField("licensesToAssign", "must be an array");
    for (rapidjson::SizeType i = 0; i < assign->Size(); ++i) {
      const std::string path = "licensesToAssign[" + std::to_string(i) + "]";
      if (!(*assign)[i].IsObject()) return InvalidField(path, "must be an object");
      const ObjectReader item(&(*assign)[i], path + ".");
      domain::LicenseToAssign a;
      ASSIGN_OR_RETURN(a.sku_id, item.StringOrEmpty("skuId"));
      ASSIGN_OR_RETURN(auto plans, item.OptionalStringArray("excludedPlans"));
      a.excluded_plans = plans.value_or(std::vector<std::string>{});
      u.assign.push_back(std::move(a));
    }
  }
  ASSIGN_OR_RETURN(auto remove, root.OptionalStringArray("licensesToRemove"));
  u.remove = remove.value_or(std::vector<std::string>{});
  return u;
}

Result<std::string> ReadUserStateFilter(const std::string& text) {
  ASSIGN_OR_RETURN(auto in, JsonIn::Parse(text));
  const ObjectReader f = in->Root();
  ASSIGN_OR_RETURN(std::string field, f.StringOrEmpty("Field"));
  ASSIGN_OR_RETURN(std::string value, f.StringOrEmpty("Value"));
  ASSIGN_OR_RETURN(std::string op, f.StringOrEmpty("Operator"));
  if (!EqualsIgnoreCase(field, "UserState")) {
    return InvalidField("filter", "can only filter users by Field UserState");
  }
  if (!op.empty() && !EqualsIgnoreCase(op, "equals")) {
    return InvalidField("filter", "UserState takes the Operator equals");
  }
  if (!EqualsIgnoreCase(value, "active") && !EqualsIgnoreCase(value, "inactive")) {
    return InvalidField("filter", "UserState must be Active or Inactive");
  }
  return ToLower(value);
}

}  // namespace csphub::api
