#pragma once
// Shared by both backends: instantiated by storage/sqlite/customer_repository.cpp and
// storage/postgres/customer_repository.cpp (see storage/common/repositories.hpp). The SQL and
// the row binders are in customer_sql.hpp; the bulk writers in customer_bulk_impl.hpp.
#include <algorithm>

#include "storage/common/customer_sql.hpp"

namespace csphub::storage {

template <typename B>
Status SqlCustomerRepository<B>::Insert(const domain::Customer& c) {
  Statement claim = c_.Prepare(kClaimDomain);
  BindClaim(claim, 0, c);
  Status claimed = claim.Run();
  if (claimed.code() == StatusCode::kAlreadyExists) {
    return AlreadyExists("The domain " + c.domain + " is already in use.")
        .WithDetail(claimed.detail());
  }
  RETURN_IF_ERROR(claimed);
  Statement s = c_.Prepare(kInsertCustomer);
  BindCustomer(s, 0, c);
  return s.Run();
}

template <typename B>
Result<domain::Customer> SqlCustomerRepository<B>::Get(const std::string& id) {
  Statement s = c_.Prepare(kGetCustomer);
  s.Bind(1, id);
  if (s.Step()) return ReadCustomer(s);
  RETURN_IF_ERROR(s.status());
  return NotFound("No such customer.");
}

template <typename B>
Status SqlCustomerRepository<B>::UpdateBilling(const domain::Customer& c) {
  const auto& b = c.billing;
  const auto& a = b.default_address;
  Statement s = c_.Prepare(kUpdateBilling);
  s.Bind(1, c.id).Bind(2, b.company_name).Bind(3, b.first_name).Bind(4, b.last_name);
  s.Bind(5, b.email).Bind(6, b.culture).Bind(7, b.language).Bind(8, a.region).Bind(9, a.city);
  s.Bind(10, a.state).Bind(11, a.address_line1).Bind(12, a.address_line2);
  s.Bind(13, a.postal_code).Bind(14, a.first_name).Bind(15, a.middle_name);
  s.Bind(16, a.last_name).Bind(17, a.phone_number).Bind(18, c.billing_etag);
  s.Bind(19, ToUnixMillis(c.updated_at));
  RETURN_IF_ERROR(s.Run());
  Statement rename = c_.Prepare(kRenameInLists);
  rename.Bind(1, FoldCase(b.company_name)).Bind(2, c.id);
  return rename.Run();
}

template <typename B>
Result<bool> SqlCustomerRepository<B>::DomainTaken(const std::string& domain) {
  Statement s = c_.Prepare(kDomainTaken);
  s.Bind(1, domain);
  const bool found = s.Step();
  RETURN_IF_ERROR(s.status());
  return found;
}

template <typename B>
Result<std::string> SqlCustomerRepository<B>::CustomerIdByDomain(const std::string& domain) {
  Statement s = c_.Prepare(kCustomerByDomain);
  s.Bind(1, domain);
  if (s.Step()) return s.Text(0);
  RETURN_IF_ERROR(s.status());
  return NotFound("No customer has this domain.");
}

template <typename B>
Status SqlCustomerRepository<B>::InsertRelationship(const domain::CustomerRelationship& r) {
  ASSIGN_OR_RETURN(domain::Customer customer, Get(r.customer_id));
  Statement s = c_.Prepare(kInsertRelationship);
  BindRelationship(s, 0, r, FoldCase(customer.billing.company_name));
  RETURN_IF_ERROR(s.Run());
  Statement forget = c_.Prepare(kForgetFormer);
  forget.Bind(1, r.partner_tenant_id).Bind(2, r.customer_id);
  return forget.Run();
}

template <typename B>
Result<domain::CustomerRelationship> SqlCustomerRepository<B>::GetRelationship(
    const std::string& partner, const std::string& customer) {
  Statement s = c_.Prepare(kGetRelationship);
  s.Bind(1, partner).Bind(2, customer);
  if (s.Step()) return ReadRelationship(s, 0);
  RETURN_IF_ERROR(s.status());
  return NotFound("No relationship with this customer.");
}

template <typename B>
Status SqlCustomerRepository<B>::RemoveRelationship(const std::string& partner,
                                                    const std::string& customer, TimePoint when) {
  Statement s = c_.Prepare(kDeleteRelationship);
  s.Bind(1, partner).Bind(2, customer);
  RETURN_IF_ERROR(s.Run());
  if (s.Changes() == 0) return NotFound("No relationship with this customer.");
  Statement former = c_.Prepare(kRememberFormer);
  former.Bind(1, partner).Bind(2, customer).Bind(3, ToUnixMillis(when));
  return former.Run();
}

template <typename B>
Result<domain::RelatedCustomer> SqlCustomerRepository<B>::GetRelated(const std::string& partner,
                                                                     const std::string& customer) {
  Statement s = c_.Prepare(kGetRelated);
  s.Bind(1, partner).Bind(2, customer);
  if (s.Step()) {
    return domain::RelatedCustomer{{ReadCustomer(s), ReadRelationship(s, kCustomerColumns)},
                                   s.Bool(kCustomerColumns + 5)};
  }
  RETURN_IF_ERROR(s.status());
  return NotFound("No relationship with this customer.");
}

template <typename B>
Result<bool> SqlCustomerRepository<B>::HadRelationship(const std::string& partner,
                                                       const std::string& customer) {
  return Exists(c_, kHadRelationship, partner, customer);
}

template <typename B>
Result<std::vector<domain::CustomerRelationship>> SqlCustomerRepository<B>::RelationshipsOf(
    const std::string& customer) {
  Statement s = c_.Prepare(kRelationshipsOf);
  s.Bind(1, customer);
  std::vector<domain::CustomerRelationship> out;
  while (s.Step()) out.push_back(ReadRelationship(s, 0));
  RETURN_IF_ERROR(s.status());
  return out;
}

template <typename B>
const char* SqlCustomerRepository<B>::GetRelatedSql() {
  return kGetRelated;
}

template <typename B>
const char* SqlCustomerRepository<B>::ListSql(CustomerFilterField field) {
  switch (field) {
    case CustomerFilterField::kNone:
    case CustomerFilterField::kCompanyName:
      return kListByName;
    case CustomerFilterField::kDomain:
      return kListByDomain;
    case CustomerFilterField::kIndirectReseller:
      return kListByReseller;
    case CustomerFilterField::kIndirectCloudSolutionProvider:
      return kListByProvider;
  }
  return kListByName;
}

template <typename B>
Result<domain::CustomerSummaries> SqlCustomerRepository<B>::List(
    const domain::CustomerListQuery& q) {
  Statement s = c_.Prepare(ListSql(q.field));
  // The reseller/provider orders skip rows without one ('' sorts first).
  const bool by_partner = q.field == CustomerFilterField::kIndirectReseller ||
                          q.field == CustomerFilterField::kIndirectCloudSolutionProvider;
  const std::string low = q.value.empty() && by_partner ? std::string("\x01") : q.value;
  // The first page starts just before (prefix, '', ''): no customer ID is empty. So does a
  // cursor from before the prefix (a token is client input).
  domain::CustomerCursor from{low, "", ""};
  if (q.after && q.after->key >= low) from = *q.after;
  s.Bind(1, q.partner_tenant_id);
  s.Bind(2, from.key).Bind(3, from.customer_id);
  s.Bind(4, q.limit);
  s.Bind(5, q.value + B::kAfterEveryChar);
  s.Bind(6, from.name_key);
  using Col = CustomerListColumn;
  domain::CustomerSummaries out;
  out.reserve(static_cast<std::size_t>(std::max(q.limit, 0)));
  while (s.Step()) {
    // Views into the row, copied into the page's one buffer.
    out.push_back({s.TextView(Col::kId), s.TextView(Col::kCommerceId), s.TextView(Col::kDomain),
                   s.TextView(Col::kCompanyName), s.TextView(Col::kIndirectReseller),
                   s.TextView(Col::kIndirectProvider)});
  }
  RETURN_IF_ERROR(s.status());
  return out;
}

template <typename B>
Status SqlCustomerRepository<B>::GrantDelegatedAdmin(const std::string& partner,
                                                     const std::string& customer, TimePoint when) {
  Statement s = c_.Prepare(kGrantDap);
  BindGrant(s, 0, partner, customer, when);
  return s.Run();
}

template <typename B>
Status SqlCustomerRepository<B>::RevokeDelegatedAdmin(const std::string& partner,
                                                      const std::string& customer) {
  Statement s = c_.Prepare(kRevokeDap);
  s.Bind(1, partner).Bind(2, customer);
  return s.Run();
}

template <typename B>
Result<bool> SqlCustomerRepository<B>::HasDelegatedAdmin(const std::string& partner,
                                                         const std::string& customer) {
  return Exists(c_, kHasDap, partner, customer);
}

template <typename B>
Result<std::vector<std::string>> SqlCustomerRepository<B>::DelegatedAdminPartnersOf(
    const std::string& customer) {
  Statement s = c_.Prepare(kDapPartnersOf);
  s.Bind(1, customer);
  std::vector<std::string> out;
  while (s.Step()) out.push_back(s.Text(0));
  RETURN_IF_ERROR(s.status());
  return out;
}

}  // namespace csphub::storage
