// /v1/customers/{id}/users and …/directoryroles: a customer tenant's users and roles, for
// partners with delegated admin (reference §2.8, §4.2).
#include "api/call_context.hpp"
#include "api/directory_json.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"

namespace csphub::api {
namespace {

http::Response UserResponse(int status, const domain::CustomerUser& u,
                            const std::string& temporary_password = {}) {
  JsonOut j;
  WriteCustomerUser(j, u, temporary_password);
  return Json(status, std::move(j).str());
}

}  // namespace

http::Response CreateCustomerUser(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  ASSIGN_OR_RESPOND(user, ReadNewCustomerUser((*in)->Root()));
  ASSIGN_OR_RESPOND(created,
                    s.customer_users.Create(Caller(req), req.Param("id"), std::move(*user)));
  http::Response r = UserResponse(201, created->user, created->temporary_password);
  r.SetHeader("Location",
              "/v1/customers/" + created->user.customer_id + "/users/" + created->user.id);
  return r;
}

http::Response ListCustomerUsers(Services& s, http::Request& req) {
  domain::CustomerUserListRequest list;
  ASSIGN_OR_RESPOND(page_request, ReadPageRequest(req, domain::kMaxCustomerUserPage));
  list.size = page_request->size;
  list.continuation = page_request->continuation;
  if (list.continuation.empty()) {
    if (auto f = req.Query("filter"); f && !f->empty()) {
      ASSIGN_OR_RESPOND(state, ReadUserStateFilter(*f));
      list.state = *state;
    }
  }
  const std::string id = req.Param("id");
  ASSIGN_OR_RESPOND(page, s.customer_users.List(Caller(req), id, list));
  return Json(200, Collection(
                       page->items.size(),
                       [&](JsonOut& j) {
                         for (const auto& u : page->items) WriteCustomerUser(j, u);
                       },
                       "/customers/" + id + "/users?seekOperation=Next", page->continuation));
}

http::Response GetCustomerUser(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(user, s.customer_users.Get(Caller(req), req.Param("id"), req.Param("uid")));
  return UserResponse(200, *user);
}

http::Response PatchCustomerUser(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  ASSIGN_OR_RESPOND(patch, ReadCustomerUserPatch((*in)->Root()));
  ASSIGN_OR_RESPOND(updated, s.customer_users.Update(Caller(req), req.Param("id"), req.Param("uid"),
                                                     std::move(*patch)));
  return UserResponse(200, updated->user, updated->temporary_password);
}

http::Response DeleteCustomerUser(Services& s, http::Request& req) {
  Status st = s.customer_users.Delete(Caller(req), req.Param("id"), req.Param("uid"));
  return st.ok() ? NoContent() : ErrorResponse(st);
}

http::Response ListDirectoryRoles(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(roles, s.customer_users.Roles(Caller(req), req.Param("id")));
  return Json(200, Collection(roles->size(), [&](JsonOut& j) {
                for (const auto& r : *roles) WriteDirectoryRole(j, r);
              }));
}

http::Response ListUserDirectoryRoles(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(roles,
                    s.customer_users.UserRoles(Caller(req), req.Param("id"), req.Param("uid")));
  return Json(200, Collection(roles->size(), [&](JsonOut& j) {
                for (const auto& r : *roles) WriteDirectoryRole(j, r);
              }));
}

http::Response ListRoleMembers(Services& s, http::Request& req) {
  const std::string role = req.Param("rid");
  ASSIGN_OR_RESPOND(members, s.customer_users.RoleMembers(Caller(req), req.Param("id"), role));
  return Json(200, Collection(members->size(), [&](JsonOut& j) {
                for (const auto& u : *members) WriteUserMember(j, u, ToLower(role));
              }));
}

// Body: a UserMember; its `id` names the user.
http::Response AddRoleMember(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  ASSIGN_OR_RESPOND(user_id, (*in)->Root().RequiredString("id"));
  const std::string customer = req.Param("id");
  const std::string role = req.Param("rid");
  Status st = s.customer_users.AddRoleMember(Caller(req), customer, role, *user_id);
  if (!st.ok()) return ErrorResponse(st);
  ASSIGN_OR_RESPOND(user, s.customer_users.Get(Caller(req), customer, *user_id));
  JsonOut j;
  WriteUserMember(j, *user, ToLower(role));
  return Json(201, std::move(j).str());
}

http::Response RemoveRoleMember(Services& s, http::Request& req) {
  Status st = s.customer_users.RemoveRoleMember(Caller(req), req.Param("id"), req.Param("rid"),
                                                req.Param("uid"));
  return st.ok() ? NoContent() : ErrorResponse(st);
}

}  // namespace csphub::api
