// /v1/customers and /v1/domains: create, list, read, update the billing profile, remove the
// relationship (reference §4.2, §4.3 Customer, CustomerCompanyProfile, CustomerBillingProfile).
#include "api/call_context.hpp"
#include "api/customer_csv.hpp"
#include "api/customer_json.hpp"
#include "api/etag.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"
#include "common/ids.hpp"

namespace csphub::api {
namespace {}  // namespace

http::Response CreateCustomer(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(input, ReadNewCustomer(req.body));
  ASSIGN_OR_RESPOND(created, s.customers.Create(Caller(req), std::move(*input)));
  http::Response r = Json(201, CustomerBody(created->details, {.created = &*created}));
  r.SetHeader("Location", "/v1/customers/" + created->details.view.customer.id);
  r.SetHeader("Cache-Control", "no-store");  // the temporary password is shown once
  return r;
}

http::Response ListCustomers(Services& s, http::Request& req) {
  domain::CustomerListRequest list;
  ASSIGN_OR_RESPOND(page_request, ReadPageRequest(req, domain::CustomerService::kMaxPageSize));
  list.size = page_request->size;
  list.continuation = page_request->continuation;
  if (list.continuation.empty()) {
    if (auto f = req.Query("filter"); f && !f->empty()) {
      Status st = ReadCustomerFilter(*f, list);
      if (!st.ok()) return ErrorResponse(st);
    }
  }
  ASSIGN_OR_RESPOND(page, s.customers.List(Caller(req), list));
  return Json(200, Collection(
                       page->items.size(),
                       [&](JsonOut& j) {
                         for (const auto& c : page->items) WriteCustomerListItem(j, c);
                       },
                       "/customers?seekOperation=Next", page->continuation, 768));
}

http::Response GetCustomer(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(details, s.customers.Get(Caller(req), req.Param("id")));
  return Json(200, CustomerBody(*details, {.with_delegated_access = true}));
}

http::Response PatchCustomer(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  const ObjectReader root = (*in)->Root();
  domain::CustomerPatch patch;
  ASSIGN_OR_RESPOND(relationship, root.OptionalString("relationshipToPartner"));
  ASSIGN_OR_RESPOND(dap, root.OptionalBool("allowDelegatedAccess"));
  patch.relationship_to_partner = *relationship;
  patch.allow_delegated_access = *dap;
  // A full resource sent back unchanged says "reseller": that is not a change.
  if (patch.relationship_to_partner &&
      EqualsIgnoreCase(*patch.relationship_to_partner, "reseller")) {
    patch.relationship_to_partner.reset();
  }
  ASSIGN_OR_RESPOND(details, s.customers.Patch(Caller(req), req.Param("id"), patch));
  return Json(200, CustomerBody(*details, {.with_delegated_access = true}));
}

http::Response GetCustomerCompanyProfile(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(details, s.customers.Get(Caller(req), req.Param("id")));
  JsonOut j;
  j.BeginObject();
  WriteCompanyProfile(j, details->view.customer, details->delegated_admin);
  j.EndObject();
  return Json(200, j.str());
}

http::Response GetCustomerBillingProfile(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(details, s.customers.Get(Caller(req), req.Param("id")));
  JsonOut j;
  j.BeginObject();
  WriteBillingProfile(j, details->view.customer);
  j.EndObject();
  return WithEtag(Json(200, j.str()), details->view.customer.billing_etag);
}

http::Response PutCustomerBillingProfile(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  const ObjectReader root = (*in)->Root();
  ASSIGN_OR_RESPOND(etag, RequiredEtag(req, root, "the billing profile"));
  ASSIGN_OR_RESPOND(billing, ReadBilling(root));
  ASSIGN_OR_RESPOND(details,
                    s.customers.UpdateBilling(Caller(req), req.Param("id"), *billing, *etag));
  JsonOut j;
  j.BeginObject();
  WriteBillingProfile(j, details->view.customer);
  j.EndObject();
  return WithEtag(Json(200, j.str()), details->view.customer.billing_etag);
}

http::Response ListCustomerRelationships(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(resellers, s.customers.IndirectResellers(Caller(req), req.Param("id")));
  return Json(200, Collection(resellers->size(), [&](JsonOut& j) {
                for (const auto& p : *resellers) {
                  j.BeginObject()
                      .Field("id", p.tenant_id)
                      .Field("name", p.name)
                      .Field("relationshipType", "is_indirect_reseller_of")
                      .Field("state", "active")
                      .Field("mpnId", p.mpn_id)
                      .Field("location", p.country)
                      .Attributes("PartnerRelationship")
                      .EndObject();
                }
              }));
}

// HEAD /v1/domains/{domain}: 200 when a tenant holds it, 404 when it is free.
http::Response CheckDomain(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(taken, s.customers.DomainInUse(Caller(req), req.Param("domain")));
  http::Response r;
  r.status = *taken ? 200 : 404;
  return r;
}

// GET /v1/customers/export: the whole list as CSV (the portal's "Export customers"), streamed a
// page at a time so that a million customers never sit in memory. The first page is read
// before answering, so a refusal is still a proper error status.
http::Response ExportCustomers(Services& s, http::Request& req) {
  const domain::CallContext ctx = Caller(req);
  ASSIGN_OR_RESPOND(first, s.customers.ExportPage(ctx, ""));
  std::string body = CustomerCsvHeader();
  for (const auto& v : first->items) AppendCustomerCsvRow(body, v);
  http::Response r = Json(200, std::move(body));
  r.content_type = "text/csv; charset=utf-8";
  r.SetHeader("Content-Disposition", "attachment; filename=\"customers.csv\"");
  if (!first->continuation.empty()) {
    r.stream = [&s, ctx, continuation = first->continuation](std::string& out) mutable {
      auto page = s.customers.ExportPage(ctx, continuation);
      if (!page.ok()) throw std::runtime_error("export page: " + page.status().description());
      for (const auto& v : page->items) AppendCustomerCsvRow(out, v);
      continuation = std::move(page->continuation);
      return !continuation.empty();
    };
  }
  return r;
}

}  // namespace csphub::api
