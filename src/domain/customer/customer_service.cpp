#include "domain/customer/customer_service.hpp"

#include "common/base64url.hpp"
#include "common/fold_case.hpp"
#include "common/ids.hpp"
#include "common/json_text.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/customer/customer_creation.hpp"
#include "domain/customer/customer_validation.hpp"
#include "domain/customer/customer_visibility.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

constexpr char kSep = '\x1f';  // never in a name, domain or ID

std::string BillingJson(const BillingProfile& b) {
  const Address& a = b.default_address;
  return JsonObjectText()
      .Add("companyName", b.company_name)
      .Add("firstName", b.first_name)
      .Add("lastName", b.last_name)
      .Add("email", b.email)
      .Add("culture", b.culture)
      .Add("language", b.language)
      .Add("country", a.country)
      .Add("city", a.city)
      .Add("state", a.state)
      .Add("addressLine1", a.address_line1)
      .Add("addressLine2", a.address_line2)
      .Add("postalCode", a.postal_code)
      .Add("phoneNumber", a.phone_number)
      .str();
}

std::string FieldCode(CustomerFilterField f) { return std::to_string(static_cast<int>(f)); }

std::string EncodeContinuation(const CustomerListRequest& req, int size,
                               const CustomerSummary& last) {
  std::string key;
  switch (req.field) {
    case CustomerFilterField::kNone:
    case CustomerFilterField::kCompanyName:
      key = FoldCase(last.company_name);
      break;
    case CustomerFilterField::kDomain:
      key = std::string(last.domain);
      break;
    case CustomerFilterField::kIndirectReseller:
      key = std::string(last.indirect_reseller_id);
      break;
    case CustomerFilterField::kIndirectCloudSolutionProvider:
      key = std::string(last.indirect_provider_id);
      break;
  }
  const std::string text = FieldCode(req.field) + kSep + req.value + kSep + std::to_string(size) +
                           kSep + key + kSep + FoldCase(last.company_name) + kSep +
                           std::string(last.id);
  return Base64UrlEncode(text);
}

// Restores the filter, size and position a continuation token was made for.
Result<CustomerListQuery> DecodeContinuation(const std::string& token) {
  const Status bad =
      InvalidArgument("The continuation token is not valid; start again from the first page.");
  const auto text = Base64UrlDecode(token);
  if (!text) return bad;
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at = text->find(kSep); at != std::string::npos; at = text->find(kSep, start)) {
    parts.push_back(text->substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text->substr(start));
  if (parts.size() != 6) return bad;
  CustomerListQuery q;
  try {
    const int field = std::stoi(parts[0]);
    if (field < 0 ||
        field > static_cast<int>(CustomerFilterField::kIndirectCloudSolutionProvider)) {
      return bad;
    }
    q.field = static_cast<CustomerFilterField>(field);
    q.limit = std::stoi(parts[2]);
  } catch (const std::exception&) {
    return bad;
  }
  if (q.limit < 1 || q.limit > CustomerService::kMaxPageSize) return bad;
  q.value = parts[1];
  q.after = CustomerCursor{parts[3], parts[4], parts[5]};
  return q;
}

}  // namespace

Result<CreatedCustomer> CustomerService::Create(const CallContext& ctx, NewCustomer req) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kAddCustomer));
  RETURN_IF_ERROR(NormalizeNewCustomer(req, deps_.settings.domain_suffix));
  const std::string reseller_id = ToLower(req.associated_partner_id);
  if (!reseller_id.empty() && !IsGuid(reseller_id)) {
    return InvalidField("associatedPartnerId", "must be a reseller's tenant ID (a GUID)");
  }
  // Slow work (argon2id) before the transaction, so the writer is not held for it.
  CreatedCustomer out;
  out.admin_password = deps_.secrets.NewTemporaryPassword();
  ASSIGN_OR_RETURN(std::string password_hash, deps_.hasher.Hash(out.admin_password));
  const TimePoint now = deps_.clock.Now();

  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(Partner caller, repos.Partners().Get(ctx.tenant_id));
    const bool provider = caller.programs.Has(Program::kIndirectProvider);
    if (!provider && !caller.programs.Has(Program::kDirectBill)) {
      return PermissionDenied(
          "Only direct-bill partners and indirect providers create customers; an indirect "
          "reseller asks its provider, or invites the customer.",
          pc::kPartnershipPrograms);
    }
    std::optional<Partner> reseller;
    if (!reseller_id.empty()) {
      const Status not_yours =
          Status(StatusCode::kInvalidArgument, pc::kNotIndirectReseller,
                 "The field 'associatedPartnerId' must be an indirect reseller in partnership "
                 "with you.");
      if (!provider) return not_yours;
      ASSIGN_OR_RETURN(bool partnered, repos.Partnerships().Exists(caller.tenant_id, reseller_id));
      if (!partnered) return not_yours;
      ASSIGN_OR_RETURN(reseller, repos.Partners().Get(reseller_id));
    }

    ASSIGN_OR_RETURN(CreatedTenant tenant,
                     InsertCustomerTenant(deps_, repos, req, {password_hash, true},
                                          caller.tenant_id, caller.domain, now));
    out.details.view.customer = tenant.customer;
    const Customer& c = out.details.view.customer;
    out.admin_user_name = tenant.admin.user_principal_name;

    CustomerRelationship mine{caller.tenant_id, c.id, reseller_id, "", now};
    RETURN_IF_ERROR(repos.Customers().InsertRelationship(mine));
    RETURN_IF_ERROR(repos.Customers().GrantDelegatedAdmin(caller.tenant_id, c.id, now));
    out.details.view.relationship = mine;
    out.details.delegated_admin = true;
    const AuditEntry audit{
        .operation_type = "add_customer",
        .resource_type = "customer",
        .new_value = JsonObjectText()
                         .Add("id", c.id)
                         .Add("domain", c.domain)
                         .Add("associatedPartnerId", reseller_id)
                         .AddRaw("billingProfile", BillingJson(c.billing))
                         .str(),
        .customer_id = c.id,
        .customer_name = c.billing.company_name,
        .customized_data = {{"PrimaryDomainName", c.domain}, {"Relationship", "reseller"}}};
    RETURN_IF_ERROR(AppendAudit(deps_, repos, ctx, audit));
    if (reseller) {
      // The reseller gets the customer too, with admin access to it (reference §2.5).
      RETURN_IF_ERROR(repos.Customers().InsertRelationship(
          {reseller->tenant_id, c.id, "", caller.tenant_id, now}));
      RETURN_IF_ERROR(repos.Customers().GrantDelegatedAdmin(reseller->tenant_id, c.id, now));
      AuditEntry theirs = audit;
      theirs.partner_id = reseller->tenant_id;
      RETURN_IF_ERROR(AppendAudit(deps_, repos, ctx, theirs));
    }
    return Status::Ok();
  }));
  return out;
}

Result<CustomerPage> CustomerService::List(const CallContext& ctx, const CustomerListRequest& req) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewCustomers));
  CustomerListQuery q;
  if (!req.continuation.empty()) {
    ASSIGN_OR_RETURN(q, DecodeContinuation(req.continuation));
  } else {
    if (req.size < 0 || req.size > kMaxPageSize) {
      return InvalidField("size", "must be 1 to " + std::to_string(kMaxPageSize));
    }
    q.field = req.field;
    q.value =
        req.field == CustomerFilterField::kCompanyName ? FoldCase(req.value) : ToLower(req.value);
    q.limit = req.size == 0 ? kDefaultPageSize : req.size;
  }
  q.partner_tenant_id = ctx.tenant_id;
  const int size = q.limit;
  q.limit = size + 1;  // one more tells whether there is a next page
  CustomerPage page;
  RETURN_IF_ERROR(deps_.store.ReadOnce([&](Repositories& repos) -> Status {  // one keyset query
    ASSIGN_OR_RETURN(page.items, repos.Customers().List(q));
    return Status::Ok();
  }));
  if (static_cast<int>(page.items.size()) > size) {
    page.items.truncate(size);
    CustomerListRequest as_made{q.field, q.value, size, ""};
    page.continuation = EncodeContinuation(as_made, size, page.items.back());
  }
  return page;
}

Result<CustomerDetails> CustomerService::Get(const CallContext& ctx,
                                             const std::string& customer_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewCustomers));
  const std::string id = ToLower(customer_id);
  CustomerDetails out;
  // Relationship, customer and delegated admin in one statement, without a transaction: the
  // answer whenever the caller may see the customer.
  Status found = deps_.store.ReadOnce([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(auto related, repos.Customers().GetRelated(ctx.tenant_id, id));
    out.view = std::move(related.view);
    out.delegated_admin = related.delegated_admin;
    return Status::Ok();
  });
  if (found.code() != StatusCode::kNotFound) {
    RETURN_IF_ERROR(found);
    return out;
  }
  // Not related (or not any more): look again and decide the refusal in one snapshot, so that a
  // relationship made in between is answered, not refused.
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    // Not related in this snapshot either: the visibility rule says which refusal.
    ASSIGN_OR_RETURN(auto related, RequireRelatedCustomer(repos, ctx.tenant_id, id));
    out.view = std::move(related.view);
    out.delegated_admin = related.delegated_admin;
    return Status::Ok();
  }));
  return out;
}

Result<CustomerDetails> CustomerService::Patch(const CallContext& ctx,
                                               const std::string& customer_id,
                                               const CustomerPatch& patch) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewCustomers));
  const bool remove = patch.relationship_to_partner.has_value();
  const bool drop_dap = patch.allow_delegated_access.has_value();
  if (!remove && !drop_dap) {
    return InvalidArgument(
        "Nothing to change: send relationshipToPartner \"none\" to remove your relationship, or "
        "allowDelegatedAccess false to give up delegated admin privileges.");
  }
  if (remove && ToLower(*patch.relationship_to_partner) != "none") {
    return InvalidField("relationshipToPartner",
                        "can only be set to \"none\"; a relationship is made by invitation");
  }
  if (drop_dap && *patch.allow_delegated_access) {
    return InvalidField("allowDelegatedAccess",
                        "can only be set to false; the customer grants delegated admin by "
                        "accepting an invitation");
  }
  if (remove) RETURN_IF_ERROR(Authorize(ctx, Operation::kRemoveResellerRelationship));
  if (drop_dap) RETURN_IF_ERROR(Authorize(ctx, Operation::kRequestDelegatedAdmin));
  const std::string id = ToLower(customer_id);
  CustomerDetails out;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(RelatedCustomer related, RequireRelatedCustomer(repos, ctx.tenant_id, id));
    out.view = std::move(related.view);
    const Customer& c = out.view.customer;
    AuditEntry entry{
        .resource_type = "customer", .customer_id = c.id, .customer_name = c.billing.company_name};
    if (drop_dap) {
      RETURN_IF_ERROR(repos.Customers().RevokeDelegatedAdmin(ctx.tenant_id, id));
      entry.operation_type = "remove_delegated_admin_privileges";
      entry.old_value = JsonObjectText().AddRaw("allowDelegatedAccess", "true").str();
      entry.new_value = JsonObjectText().AddRaw("allowDelegatedAccess", "false").str();
      RETURN_IF_ERROR(AppendAudit(deps_, repos, ctx, entry));
    }
    if (remove) {
      // Reference §4.4 "Remove relationship": not while a subscription is active.
      ASSIGN_OR_RETURN(std::int64_t active, repos.Subscriptions().CountActive(id, ctx.tenant_id));
      if (active > 0) {
        return FailedPrecondition(
            "The relationship cannot be removed while " + std::to_string(active) +
                " of the customer's subscriptions with you are active; suspend them first.",
            pc::kActiveSubscriptions);
      }
      // Delegated admin stays as it was, and no notice is sent (reference §2.4, §2.6).
      RETURN_IF_ERROR(repos.Customers().RemoveRelationship(ctx.tenant_id, id, deps_.clock.Now()));
      out.related = false;
      entry.operation_type = "remove_partner_customer_relationship";
      entry.old_value = JsonObjectText().Add("relationshipToPartner", "reseller").str();
      entry.new_value = JsonObjectText().Add("relationshipToPartner", "none").str();
      RETURN_IF_ERROR(AppendAudit(deps_, repos, ctx, entry));
      // The permissions this partner granted the customer go with the relationship: kept, they
      // would come back to life if the customer were invited again.
      const Status policy = repos.SelfServePolicies().Delete(ctx.tenant_id, id);
      if (policy.ok()) {
        AuditEntry dropped = entry;
        dropped.resource_type = "self_serve_policy";
        dropped.operation_type = "delete_self_serve_policy";
        dropped.old_value.clear();
        dropped.new_value.clear();
        RETURN_IF_ERROR(AppendAudit(deps_, repos, ctx, dropped));
      } else if (policy.code() != StatusCode::kNotFound) {
        return policy;
      }
    }
    ASSIGN_OR_RETURN(out.delegated_admin, repos.Customers().HasDelegatedAdmin(ctx.tenant_id, id));
    return Status::Ok();
  }));
  return out;
}

Result<CustomerDetails> CustomerService::UpdateBilling(const CallContext& ctx,
                                                       const std::string& customer_id,
                                                       BillingProfile billing,
                                                       std::int64_t if_match) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kUpdateCustomer));
  const std::string id = ToLower(customer_id);
  CustomerDetails out;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(RelatedCustomer related, RequireRelatedCustomer(repos, ctx.tenant_id, id));
    out.view.relationship = std::move(related.view.relationship);
    out.delegated_admin = related.delegated_admin;  // the billing profile does not change it
    Customer c = std::move(related.view.customer);
    if (c.billing_etag != if_match) {
      return Aborted("The billing profile changed since you read it (stale etag); read it again.");
    }
    if (billing.default_address.country.empty()) {
      billing.default_address.country = c.billing.default_address.country;
    }
    if (!EqualsIgnoreCase(billing.default_address.country, c.billing.default_address.country)) {
      return InvalidField("defaultAddress.country", "cannot be changed after the customer exists");
    }
    billing.default_address.country = c.billing.default_address.country;
    ASSIGN_OR_RETURN(Partner caller, repos.Partners().Get(ctx.tenant_id));
    RETURN_IF_ERROR(ValidateBillingProfile(billing, caller.domain));
    const std::string old_value = BillingJson(c.billing);
    c.billing = std::move(billing);
    c.billing_etag += 1;
    c.updated_at = deps_.clock.Now();
    RETURN_IF_ERROR(repos.Customers().UpdateBilling(c));
    RETURN_IF_ERROR(AppendAudit(deps_, repos, ctx,
                                {.operation_type = "update_customer_billing_profile",
                                 .resource_type = "customer_billing_profile",
                                 .old_value = old_value,
                                 .new_value = BillingJson(c.billing),
                                 .customer_id = c.id,
                                 .customer_name = c.billing.company_name}));
    out.view.customer = std::move(c);
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<Partner>> CustomerService::IndirectResellers(const CallContext& ctx,
                                                                const std::string& customer_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewCustomers));
  const std::string id = ToLower(customer_id);
  std::vector<Partner> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(RequireCustomerRelationship(repos, ctx.tenant_id, id).status());
    ASSIGN_OR_RETURN(auto rels, repos.Customers().RelationshipsOf(id));
    for (const auto& r : rels) {
      if (r.partner_tenant_id == ctx.tenant_id) continue;
      ASSIGN_OR_RETURN(Partner p, repos.Partners().Get(r.partner_tenant_id));
      if (p.programs.Has(Program::kIndirectReseller)) out.push_back(std::move(p));
    }
    return Status::Ok();
  }));
  return out;
}

Result<bool> CustomerService::DomainInUse(const CallContext& ctx, const std::string& domain) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewCustomers));
  ASSIGN_OR_RETURN(std::string normalized,
                   NormalizeCustomerDomain(domain, deps_.settings.domain_suffix));
  bool taken = false;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(taken, repos.Customers().DomainTaken(normalized));
    return Status::Ok();
  }));
  return taken;
}

}  // namespace csphub::domain
