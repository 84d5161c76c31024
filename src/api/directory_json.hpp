#pragma once
// Customer users, directory roles and licenses as JSON (reference §4.3 CustomerUser,
// DirectoryRole, UserMember, LicenseUpdate, License, SubscribedSku).
#include <string>

#include "api/json.hpp"
#include "domain/directory/customer_user_service.hpp"
#include "domain/directory/license_service.hpp"

namespace csphub::api {

// `temporary_password`, when not empty, is shown once in passwordProfile.
void WriteCustomerUser(JsonOut& j, const domain::CustomerUser& u,
                       const std::string& temporary_password = {});
void WriteDirectoryRole(JsonOut& j, const domain::DirectoryRole& r);
void WriteUserMember(JsonOut& j, const domain::CustomerUser& u, std::string_view role_id);
void WriteSubscribedSku(JsonOut& j, const domain::SubscribedSku& s);
void WriteLicense(JsonOut& j, const domain::UserLicense& l);
void WriteLicenseUpdate(JsonOut& j, const domain::LicenseUpdate& u);

Result<domain::NewCustomerUser> ReadNewCustomerUser(const ObjectReader& root);
Result<domain::CustomerUserPatch> ReadCustomerUserPatch(const ObjectReader& root);
Result<domain::LicenseUpdate> ReadLicenseUpdate(const ObjectReader& root);
// filter={"Field":"UserState","Value":"Active|Inactive","Operator":"equals"} → the state.
Result<std::string> ReadUserStateFilter(const std::string& text);

}  // namespace csphub::api
