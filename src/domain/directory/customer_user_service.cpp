#include "domain/directory/customer_user_service.hpp"

#include "common/base64url.hpp"
#include "common/ids.hpp"
#include "common/json_text.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/directory/customer_user_access.hpp"
#include "domain/directory/customer_user_rules.hpp"
#include "domain/identity/password_policy.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

constexpr int kMaxPageSize = kMaxCustomerUserPage;

// The continuation token: "state|size|last principal name", base64url. Partner Center clients
// send only the token for the next page, so it carries the query.
std::string EncodeToken(const std::string& state, int size, const std::string& after) {
  return Base64UrlEncode(state + "|" + std::to_string(size) + "|" + after);
}

Result<CustomerUserQuery> DecodeToken(const std::string& token) {
  const auto text = Base64UrlDecode(token);
  const Status bad = InvalidArgument("The continuation token is not valid.");
  if (!text) return bad;
  const auto a = text->find('|');
  const auto b = a == std::string::npos ? a : text->find('|', a + 1);
  if (b == std::string::npos) return bad;
  CustomerUserQuery q;
  q.state = text->substr(0, a);
  q.after_upn = text->substr(b + 1);
  try {
    q.limit = std::stoi(text->substr(a + 1, b - a - 1));
  } catch (...) {
    return bad;
  }
  if ((q.state != "active" && q.state != "inactive") || q.limit < 1 || q.limit > kMaxPageSize) {
    return bad;
  }
  return q;
}

// The password to store: the chosen one (validated) or a new temporary one to show once.
struct NewPassword {
  std::string hash;
  std::string temporary;  // empty when the caller chose it
  bool force_change = true;
};

Result<NewPassword> MakePassword(ServiceDeps& deps, const std::optional<PasswordProfile>& p) {
  NewPassword out;
  std::string password;
  if (p && !p->password.empty()) {
    RETURN_IF_ERROR(ValidateChosenPassword(p->password));
    password = p->password;
    out.force_change = p->force_change;
  } else {
    out.temporary = password = deps.secrets.NewTemporaryPassword();
  }
  ASSIGN_OR_RETURN(out.hash, deps.hasher.Hash(password));
  return out;
}

std::string UserAuditJson(const CustomerUser& u) {
  return JsonObjectText()
      .Add("id", u.id)
      .Add("userPrincipalName", u.user_principal_name)
      .Add("displayName", u.display_name)
      .Add("usageLocation", u.usage_location)
      .Add("state", u.state)
      .str();
}

}  // namespace

Result<CustomerUserWithPassword> CustomerUserService::Create(const CallContext& ctx,
                                                             const std::string& customer_id,
                                                             NewCustomerUser req) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManageCustomerUsers));
  CustomerUserWithPassword out;
  CustomerUser& u = out.user;
  u.first_name = Trim(req.first_name);
  u.last_name = Trim(req.last_name);
  u.display_name = Trim(req.display_name);
  RETURN_IF_ERROR(ValidateUserNames(u.display_name, u.first_name, u.last_name));
  ASSIGN_OR_RETURN(u.usage_location, ValidUsageLocation(req.usage_location, true));
  ASSIGN_OR_RETURN(NewPassword password, MakePassword(deps_, req.password_profile));
  const TimePoint now = deps_.clock.Now();
  const std::string cid = ToLower(customer_id);
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(Customer customer, OpenCustomerDirectoryForWrite(repos, ctx, cid, now));
    ASSIGN_OR_RETURN(u.user_principal_name,
                     ValidUserPrincipalName(req.user_principal_name, customer));
    u.id = deps_.ids.NewGuid();
    u.customer_id = cid;
    u.password_hash = password.hash;
    u.must_change_password = password.force_change;
    u.created_at = u.updated_at = now;
    RETURN_IF_ERROR(repos.CustomerUsers().Insert(u));
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "create_customer_user",
                        .resource_type = "customer_user",
                        .new_value = UserAuditJson(u),
                        .customer_id = cid,
                        .customer_name = customer.billing.company_name});
  }));
  out.temporary_password = password.temporary;
  return out;
}

Result<CustomerUserPage> CustomerUserService::List(const CallContext& ctx,
                                                   const std::string& customer_id,
                                                   CustomerUserListRequest req) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewCustomerUsers));
  CustomerUserQuery q;
  if (!req.continuation.empty()) {
    ASSIGN_OR_RETURN(q, DecodeToken(req.continuation));
  } else {
    const std::string state = ToLower(Trim(req.state));
    if (!state.empty() && state != "active" && state != "inactive") {
      return InvalidField("filter", "UserState must be active or inactive");
    }
    q.state = state.empty() ? "active" : state;
    q.limit = req.size == 0 ? 100 : req.size;
    if (q.limit < 1 || q.limit > kMaxPageSize) {
      return InvalidField("size", "must be between 1 and " + std::to_string(kMaxPageSize));
    }
  }
  q.customer_id = ToLower(customer_id);
  const TimePoint now = deps_.clock.Now();
  CustomerUserPage page;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(OpenCustomerDirectory(repos, ctx, q.customer_id).status());
    CustomerUserQuery ask = q;
    ask.limit = q.limit + 1;  // one more says whether there is a next page
    ASSIGN_OR_RETURN(auto users, repos.CustomerUsers().List(ask));
    for (auto& u : users) {
      if (u.state == "inactive" && !RestorableAt(u, now)) continue;  // gone for good
      page.items.push_back(std::move(u));
    }
    return Status::Ok();
  }));
  if (static_cast<int>(page.items.size()) > q.limit) {
    page.items.resize(static_cast<std::size_t>(q.limit));
    page.continuation = EncodeToken(q.state, q.limit, page.items.back().user_principal_name);
  }
  return page;
}

Result<CustomerUser> CustomerUserService::Get(const CallContext& ctx,
                                              const std::string& customer_id,
                                              const std::string& user_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewCustomerUsers));
  const TimePoint now = deps_.clock.Now();
  const std::string cid = ToLower(customer_id);
  std::optional<CustomerUser> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(OpenCustomerDirectory(repos, ctx, cid).status());
    ASSIGN_OR_RETURN(out, FindUser(repos, cid, user_id, now));
    return Status::Ok();
  }));
  return std::move(*out);
}

Result<CustomerUserWithPassword> CustomerUserService::Update(const CallContext& ctx,
                                                             const std::string& customer_id,
                                                             const std::string& user_id,
                                                             CustomerUserPatch patch) {
  const bool only_password = patch.password_profile && !patch.first_name && !patch.last_name &&
                             !patch.display_name && !patch.usage_location && !patch.state;
  RETURN_IF_ERROR(Authorize(ctx, only_password ? Operation::kResetCustomerUserPassword
                                               : Operation::kManageCustomerUsers));
  std::optional<NewPassword> password;
  if (patch.password_profile) {
    ASSIGN_OR_RETURN(password, MakePassword(deps_, patch.password_profile));
  }
  if (patch.state && ToLower(Trim(*patch.state)) != "active") {
    return InvalidField("state", "can only be set to active (restore); delete to deactivate");
  }
  const TimePoint now = deps_.clock.Now();
  const std::string cid = ToLower(customer_id);
  CustomerUserWithPassword out;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(Customer customer, OpenCustomerDirectoryForWrite(repos, ctx, cid, now));
    ASSIGN_OR_RETURN(const CustomerUser before, FindUser(repos, cid, user_id, now));
    CustomerUser u = before;
    std::string operation = "update_customer_user";
    if (patch.state && u.state == "inactive") {
      u.state = "active";
      u.soft_deleted_at.reset();
      operation = "restore_customer_user";
    } else if (u.state == "inactive") {
      return FailedPrecondition("The user is deleted; restore it (state \"active\") first.",
                                pc::kUserNotRestorable);
    }
    if (patch.first_name) u.first_name = Trim(*patch.first_name);
    if (patch.last_name) u.last_name = Trim(*patch.last_name);
    if (patch.display_name) u.display_name = Trim(*patch.display_name);
    RETURN_IF_ERROR(ValidateUserNames(u.display_name, u.first_name, u.last_name));
    if (patch.usage_location) {
      ASSIGN_OR_RETURN(u.usage_location, ValidUsageLocation(*patch.usage_location, false));
    }
    if (password) {
      u.password_hash = password->hash;
      u.must_change_password = password->force_change;
      if (only_password) operation = "reset_customer_user_password";
    }
    u.updated_at = now;
    RETURN_IF_ERROR(repos.CustomerUsers().Update(u));
    out.user = u;
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = operation,
                        .resource_type = "customer_user",
                        .old_value = UserAuditJson(before),
                        .new_value = UserAuditJson(u),
                        .customer_id = cid,
                        .customer_name = customer.billing.company_name});
  }));
  if (password) out.temporary_password = password->temporary;
  return out;
}

Status CustomerUserService::Delete(const CallContext& ctx, const std::string& customer_id,
                                   const std::string& user_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManageCustomerUsers));
  const TimePoint now = deps_.clock.Now();
  const std::string cid = ToLower(customer_id);
  return deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(Customer customer, OpenCustomerDirectoryForWrite(repos, ctx, cid, now));
    ASSIGN_OR_RETURN(CustomerUser u, FindUser(repos, cid, user_id, now));
    if (u.state == "inactive") return Status::Ok();  // already deleted: nothing to do
    if (u.global_admin) RETURN_IF_ERROR(KeepAnotherGlobalAdmin(repos, cid, u.id));
    const std::string before = UserAuditJson(u);
    u.state = "inactive";
    u.soft_deleted_at = now;
    u.updated_at = now;
    RETURN_IF_ERROR(repos.CustomerUsers().Update(u));
    // A deleted user's licenses go back to the pool (restoring does not take them back).
    RETURN_IF_ERROR(repos.Licenses().RemoveAllOf(cid, u.id));
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "delete_customer_user",
                        .resource_type = "customer_user",
                        .old_value = before,
                        .new_value = UserAuditJson(u),
                        .customer_id = cid,
                        .customer_name = customer.billing.company_name});
  });
}

}  // namespace csphub::domain
