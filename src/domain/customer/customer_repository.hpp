#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "domain/customer/customer.hpp"

namespace csphub::domain {

class CustomerRepository {
 public:
  virtual ~CustomerRepository() = default;
  // AlreadyExists when the domain is taken (by a customer or a partner).
  virtual Status Insert(const Customer& c) = 0;
  virtual Result<Customer> Get(const std::string& customer_id) = 0;
  // Replaces the billing profile and etag, and the name every partner lists it by.
  virtual Status UpdateBilling(const Customer& c) = 0;
  // Whether a partner or customer tenant uses `domain` (lower case).
  virtual Result<bool> DomainTaken(const std::string& domain) = 0;
  // The customer tenant whose initial domain is `domain`; NotFound otherwise.
  virtual Result<std::string> CustomerIdByDomain(const std::string& domain) = 0;

  // AlreadyExists when the partner already has a relationship with the customer.
  virtual Status InsertRelationship(const CustomerRelationship& r) = 0;
  virtual Result<CustomerRelationship> GetRelationship(const std::string& partner_tenant_id,
                                                       const std::string& customer_id) = 0;
  // Ends the relationship, remembering that it existed (reads then answer 20002, not 404).
  virtual Status RemoveRelationship(const std::string& partner_tenant_id,
                                    const std::string& customer_id, TimePoint when) = 0;
  // The partner's relationship, the customer and the partner's delegated admin grant in one
  // read (GetRelationship + Get + HasDelegatedAdmin). NotFound when there is no relationship
  // (or no customer row).
  virtual Result<RelatedCustomer> GetRelated(const std::string& partner_tenant_id,
                                             const std::string& customer_id) = 0;
  virtual Result<bool> HadRelationship(const std::string& partner_tenant_id,
                                       const std::string& customer_id) = 0;
  virtual Result<std::vector<CustomerRelationship>> RelationshipsOf(
      const std::string& customer_id) = 0;
  // One page in the query's order, each customer as the list shows it; keyset paging.
  virtual Result<CustomerSummaries> List(const CustomerListQuery& q) = 0;

  // Delegated admin privileges (DAP), a grant of its own (reference §3.3).
  virtual Status GrantDelegatedAdmin(const std::string& partner_tenant_id,
                                     const std::string& customer_id, TimePoint when) = 0;
  virtual Status RevokeDelegatedAdmin(const std::string& partner_tenant_id,
                                      const std::string& customer_id) = 0;
  virtual Result<bool> HasDelegatedAdmin(const std::string& partner_tenant_id,
                                         const std::string& customer_id) = 0;
  // The partners holding delegated admin over the customer, by tenant ID (with or without a
  // commerce relationship: the two are independent).
  virtual Result<std::vector<std::string>> DelegatedAdminPartnersOf(
      const std::string& customer_id) = 0;
};

// A page of a customer's users in principal-name order.
struct CustomerUserQuery {
  std::string customer_id;
  std::string state = "active";  // "active" | "inactive" (soft-deleted)
  std::string after_upn;         // the last principal name of the previous page
  int limit = 100;
};

// `global_admin` of a CustomerUser is its membership of the Global Administrator directory role:
// Insert and Update add or remove that membership to match it.
class CustomerUserRepository {
 public:
  virtual ~CustomerUserRepository() = default;
  // AlreadyExists when the user principal name is taken.
  virtual Status Insert(const CustomerUser& u) = 0;
  virtual Status Update(const CustomerUser& u) = 0;
  virtual Result<CustomerUser> Get(const std::string& customer_id, const std::string& id) = 0;
  virtual Result<CustomerUser> GetByPrincipalName(const std::string& upn) = 0;
  virtual Result<std::vector<CustomerUser>> List(const CustomerUserQuery& q) = 0;
  // Deletes for good the customer's users soft-deleted at or before `cutoff`, with their roles
  // and licenses; returns how many.
  virtual Result<int> PurgeSoftDeleted(const std::string& customer_id, TimePoint cutoff) = 0;
  // Directory role membership. Add: AlreadyExists when a member; Remove: NotFound when not.
  virtual Status AddRoleMember(const std::string& customer_id, const std::string& role_id,
                               const std::string& user_id, TimePoint when) = 0;
  virtual Status RemoveRoleMember(const std::string& customer_id, const std::string& role_id,
                                  const std::string& user_id) = 0;
  // The role's members, by principal name.
  virtual Result<std::vector<CustomerUser>> RoleMembers(const std::string& customer_id,
                                                        const std::string& role_id) = 0;
  virtual Result<std::vector<std::string>> RolesOf(const std::string& customer_id,
                                                   const std::string& user_id) = 0;
  // The users holding a license SKU, by principal name: one range of the assignments' SKU index.
  virtual Result<std::vector<CustomerUser>> HoldersOf(const std::string& customer_id,
                                                      const std::string& sku_id) = 0;
};

}  // namespace csphub::domain
