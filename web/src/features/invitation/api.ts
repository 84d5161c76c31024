// The customer's side of a partner's invitation link (docs/api.md, "Customer invitations"): what
// the link says, the preview and the answer of a customer's Global admin, signing a company up
// from the link, and the customer's partners with their delegated admin privileges.
import { getJson, send, type Collection } from '../../api/client';

/** The route of the link a partner sends: <public_url>/#/customer-invitations?invType=… */
export const INVITATION_PATH = '/customer-invitations';
/** The customer admin's Partners page. */
export const PARTNERS_PATH = '/organization/partners';

export type InvitationType = 'ResellerRelationship' | 'IndirectResellerRelationship';

/** The link's fields, as the server wrote them (src/domain/customer/customer_invitation.cpp). */
export interface Invitation {
  invType: InvitationType;
  partnerId: string;
  msppId: string;
  /** The indirect provider of a joint invitation, else ''. */
  indirectCSPId: string;
  DAP: boolean;
}

/** The invitation in a link's query, or null when the query is not one (the server decides the rest). */
export function parseInvitation(search: string): Invitation | null {
  const q = new URLSearchParams(search);
  const type = (q.get('invType') ?? '').toLowerCase();
  const invType: InvitationType | null =
    type === 'resellerrelationship'
      ? 'ResellerRelationship'
      : type === 'indirectresellerrelationship'
        ? 'IndirectResellerRelationship'
        : null;
  const partnerId = (q.get('partnerId') ?? '').trim();
  const indirectCSPId = (q.get('indirectCSPId') ?? '').trim();
  if (!invType || !partnerId) return null;
  if (invType === 'IndirectResellerRelationship' && !indirectCSPId) return null;
  return {
    invType,
    partnerId,
    msppId: (q.get('msppId') ?? '0').trim() || '0',
    indirectCSPId: invType === 'IndirectResellerRelationship' ? indirectCSPId : '',
    DAP: (q.get('DAP') ?? '').toLowerCase() === 'true',
  };
}

function query(inv: Invitation): string {
  const q = new URLSearchParams({ invType: inv.invType, partnerId: inv.partnerId, msppId: inv.msppId });
  if (inv.indirectCSPId) q.set('indirectCSPId', inv.indirectCSPId);
  q.set('DAP', String(inv.DAP));
  return q.toString();
}

const body = (inv: Invitation) => ({
  invType: inv.invType,
  partnerId: inv.partnerId,
  msppId: inv.msppId,
  ...(inv.indirectCSPId ? { indirectCSPId: inv.indirectCSPId } : {}),
  DAP: inv.DAP,
});

export interface InvitingPartner {
  tenantId: string;
  name: string;
  mpnId: string;
  country: string;
}

export interface Preview {
  invType: InvitationType;
  partner: InvitingPartner;
  indirectProvider?: InvitingPartner;
  grants: { partnerId: string; name: string; relationship: string; delegatedAdmin: boolean }[];
  delegatedAdmin: boolean;
  sameCountry: boolean;
  alreadyAccepted: boolean;
}

export interface CustomerPartner {
  tenantId: string;
  name: string;
  mpnId: string;
  country: string;
  relationship: 'reseller' | 'none';
  delegatedAdmin: boolean;
  indirectProviderId?: string;
  indirectResellerId?: string;
}

export interface Acceptance {
  customerId: string;
  changed: boolean;
  partners: CustomerPartner[];
}

export interface SignUpResult extends Acceptance {
  customer: { id: string; domain: string; companyName: string };
  adminUser: { userPrincipalName: string };
}

export function previewInvitation(inv: Invitation): Promise<Preview> {
  return getJson(`/v1/customertenant/invitations/preview?${query(inv)}`);
}

export async function acceptInvitation(inv: Invitation): Promise<Acceptance> {
  return (await send('/v1/customertenant/invitations/accept', { method: 'POST', body: body(inv) })).json();
}

export async function declineInvitation(inv: Invitation): Promise<void> {
  await send('/v1/customertenant/invitations/decline', { method: 'POST', body: body(inv) });
}

/** Unauthenticated: creates the company, its admin with `password`, and accepts, in one step. */
export async function signUp(inv: Invitation, company: object, password: string): Promise<SignUpResult> {
  const res = await send('/v1/invitations/signup', {
    method: 'POST',
    body: { ...body(inv), ...company, password },
    headers: { 'MS-RequestId': crypto.randomUUID() },
  });
  return res.json();
}

export async function listPartners(): Promise<CustomerPartner[]> {
  return (await getJson<Collection<CustomerPartner>>('/v1/customertenant/partners')).items;
}

export async function removeDelegatedAdmin(partnerTenantId: string): Promise<void> {
  await send(`/v1/customertenant/partners/${encodeURIComponent(partnerTenantId)}/delegatedadmin`, {
    method: 'DELETE',
  });
}
