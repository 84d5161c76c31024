// /v1/SelfServePolicy: customer permissions to buy products themselves (reference §2.11, §4.2,
// §4.3 SelfServePolicy). Paths match case-insensitively, so /v1/selfservepolicy works too.
#include "api/call_context.hpp"
#include "api/customer_json.hpp"
#include "api/etag.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"

namespace csphub::api {
namespace {

void WritePolicy(JsonOut& j, const domain::SelfServePolicy& p) {
  j.BeginObject().Field("id", p.Id());
  j.BeginObject("selfServeEntity")
      .Field("selfServeEntityType", "customer")
      .Field("tenantID", p.customer_id)
      .EndObject();
  j.BeginObject("grantor")
      .Field("grantorType", "billToPartner")
      .Field("tenantID", p.grantor_tenant_id)
      .EndObject();
  j.BeginArray("permissions");
  for (const auto& perm : p.permissions) {
    j.BeginObject().Field("resource", perm.resource).Field("action", perm.action).EndObject();
  }
  j.EndArray();
  WriteSelfLink(j, "/SelfServePolicy/" + p.Id());
  j.Attributes("SelfServePolicy", std::to_string(p.etag)).EndObject();
}

http::Response PolicyResponse(int status, const domain::SelfServePolicy& p) {
  JsonOut j;
  WritePolicy(j, p);
  return WithEtag(Json(status, j.str()), p.etag);
}

// The body of POST and PUT (the full resource; id and attributes other than etag ignored).
Result<domain::SelfServePolicyRequest> ReadPolicy(const ObjectReader& root) {
  domain::SelfServePolicyRequest p;
  ASSIGN_OR_RETURN(auto entity, root.OptionalObject("selfServeEntity"));
  if (entity) {
    ASSIGN_OR_RETURN(p.entity_type, entity->StringOrEmpty("selfServeEntityType"));
    ASSIGN_OR_RETURN(p.customer_id, entity->StringOrEmpty("tenantID"));
  }
  ASSIGN_OR_RETURN(auto grantor, root.OptionalObject("grantor"));
  if (grantor) {
    ASSIGN_OR_RETURN(p.grantor_type, grantor->StringOrEmpty("grantorType"));
    ASSIGN_OR_RETURN(p.grantor_tenant_id, grantor->StringOrEmpty("tenantID"));
  }
  const rapidjson::Value* permissions = root.Find("permissions");
  if (permissions == nullptr) return InvalidField("permissions", "is required");
  if (!permissions->IsArray()) return InvalidField("permissions", "must be an array");
  for (rapidjson::SizeType i = 0; i < permissions->Size(); ++i) {
    const std::string path = "permissions[" + std::to_string(i) + "]";
    const rapidjson::Value& item = (*permissions)[i];
    if (!item.IsObject()) return InvalidField(path, "must be an object");
    const ObjectReader reader(&item, path + ".");
    domain::SelfServePermission perm;
    ASSIGN_OR_RETURN(perm.resource, reader.RequiredString("resource"));
    ASSIGN_OR_RETURN(perm.action, reader.RequiredString("action"));
    p.permissions.push_back(std::move(perm));
  }
  return p;
}

}  // namespace

http::Response CreateSelfServePolicy(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  ASSIGN_OR_RESPOND(policy, ReadPolicy((*in)->Root()));
  ASSIGN_OR_RESPOND(created, s.self_serve_policies.Create(Caller(req), *policy));
  http::Response r = PolicyResponse(201, *created);
  r.SetHeader("Location", "/v1/SelfServePolicy/" + created->Id());
  return r;
}

http::Response ListSelfServePolicies(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(policies, s.self_serve_policies.ListForCustomer(
                                  Caller(req), req.Query("entity_id").value_or("")));
  return Json(200, Collection(policies->size(), [&](JsonOut& j) {
                for (const auto& p : *policies) WritePolicy(j, p);
              }));
}

http::Response GetSelfServePolicy(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(policy, s.self_serve_policies.Get(Caller(req), req.Param("id")));
  return PolicyResponse(200, *policy);
}

http::Response PutSelfServePolicy(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  const ObjectReader root = (*in)->Root();
  ASSIGN_OR_RESPOND(etag, RequiredEtag(req, root, "the self-serve policy"));
  ASSIGN_OR_RESPOND(policy, ReadPolicy(root));
  ASSIGN_OR_RESPOND(updated,
                    s.self_serve_policies.Update(Caller(req), req.Param("id"), *policy, *etag));
  return PolicyResponse(200, *updated);
}

http::Response DeleteSelfServePolicy(Services& s, http::Request& req) {
  Status st = s.self_serve_policies.Delete(Caller(req), req.Param("id"));
  if (!st.ok()) return ErrorResponse(st);
  return NoContent();
}

}  // namespace csphub::api
