#pragma once
// Indirect provider ↔ indirect reseller partnerships (issue 2; reference §2.4, §2.5).
#include <optional>
#include <string>
#include <vector>

#include "domain/call_context.hpp"
#include "domain/partner/partner.hpp"
#include "domain/relationship/invitation_email.hpp"
#include "domain/relationship/partnership.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

struct IssuedInvitation {
  PartnershipInvitation invitation;
  std::string url;  // carries the token: shown once
  DraftEmail email;
};

struct InvitationPreview {
  Partner provider;
  TimePoint expires_at;
  bool already_partnered = false;
};

// One row of "Indirect resellers" / "Indirect providers": the other partner and since when.
struct PartnerLink {
  Partner other;
  Partnership partnership;
};

enum class RelationshipType { kIsIndirectCloudSolutionProviderOf, kIsIndirectResellerOf };

class PartnershipService {
 public:
  explicit PartnershipService(ServiceDeps& deps) : deps_(deps) {}

  // An indirect provider makes a personalised link (and the draft email around it).
  Result<IssuedInvitation> CreateInvitation(const CallContext& ctx, const std::string& locale);
  Result<std::vector<PartnershipInvitation>> ListInvitations(const CallContext& ctx);
  Status RevokeInvitation(const CallContext& ctx, const std::string& invitation_id);
  // What a reseller sees before accepting: who invites, until when.
  Result<InvitationPreview> PreviewInvitation(const CallContext& ctx, const std::string& token);
  // The reseller accepts: the partnership exists on both sides, audited on both.
  Result<PartnerLink> AcceptInvitation(const CallContext& ctx, const std::string& token);
  // kIsIndirectCloudSolutionProviderOf: the caller's resellers; kIsIndirectResellerOf: its
  // providers.
  Result<std::vector<PartnerLink>> List(const CallContext& ctx, RelationshipType type);
  // Ends the partnership with `other_tenant_id`, whichever side the caller is on. Customers
  // and delegated admin stay as they are; no notice is sent (reference §2.5).
  Status Remove(const CallContext& ctx, const std::string& other_tenant_id);

 private:
  Result<PartnershipInvitation> FindLiveInvitation(Repositories& repos, const std::string& token);
  ServiceDeps& deps_;
};

}  // namespace csphub::domain
