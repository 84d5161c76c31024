// The partnership calls (docs/api.md, "Partnerships"), and the reseller's joint customer
// invitation with one of its providers ("Customer invitations").
import { getJson, send, type Collection } from '../../api/client';
import type { Locale } from '../../i18n/locales';

/** The other side of a partnership: a provider's reseller, or a reseller's provider. */
export interface Partnership {
  id: string;
  name: string;
  mpnId: string;
  location: string;
  state: string;
  createdDateTime: string;
}

export interface PartnershipInvitation {
  id: string;
  createdBy: string;
  createdDateTime: string;
  expiresDateTime: string;
  state: 'active' | 'expired' | 'revoked';
  revokedDateTime?: string;
}

/** A draft email with its personalised link, as the server writes it in the user's language. */
export interface DraftEmail {
  url: string;
  expiresDateTime?: string;
  email: { locale: string; subject: string; body: string };
}

export interface InvitationPreview {
  provider: { tenantId: string; name: string; mpnId: string; country: string };
  expiresDateTime: string;
  alreadyPartnered: boolean;
  grants: string[];
}

const EMAIL_LOCALES: Record<Locale, string> = { en: 'en-US', ru: 'ru-RU', 'zh-TW': 'zh-TW' };

async function list(type: 'IsIndirectCloudSolutionProviderOf' | 'IsIndirectResellerOf'): Promise<Partnership[]> {
  return (await getJson<Collection<Partnership>>(`/v1/relationships?relationship_type=${type}`)).items;
}

/** A provider's indirect resellers. */
export const listResellers = () => list('IsIndirectCloudSolutionProviderOf');
/** A reseller's indirect providers. */
export const listProviders = () => list('IsIndirectResellerOf');

/** Ends the partnership with `otherTenantId` (either side may). */
export async function removePartnership(otherTenantId: string): Promise<void> {
  await send(`/v1/relationships/${encodeURIComponent(otherTenantId)}`, { method: 'DELETE' });
}

export async function listInvitations(): Promise<PartnershipInvitation[]> {
  return (await getJson<Collection<PartnershipInvitation>>('/v1/relationships/invitations')).items;
}

/** A provider's new partnership request: the link is in this answer only. */
export async function createInvitation(locale: Locale): Promise<DraftEmail> {
  const res = await send('/v1/relationships/invitations', {
    method: 'POST',
    body: {},
    headers: { 'X-Locale': EMAIL_LOCALES[locale] },
  });
  return res.json();
}

export async function revokeInvitation(id: string): Promise<void> {
  await send(`/v1/relationships/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function previewInvitation(token: string): Promise<InvitationPreview> {
  return (await send('/v1/relationships/invitations/preview', { method: 'POST', body: { token } })).json();
}

export async function acceptInvitation(token: string): Promise<Partnership> {
  return (await send('/v1/relationships/invitations/accept', { method: 'POST', body: { token } })).json();
}

/** A reseller's invitation for a customer to take it and `providerId` as resellers at once. */
export function jointInvitation(providerId: string, delegatedAdmin: boolean, locale: Locale): Promise<DraftEmail> {
  const params = new URLSearchParams({
    indirectProviderId: providerId,
    delegatedAdmin: String(delegatedAdmin),
    locale: EMAIL_LOCALES[locale],
  });
  return getJson(`/v1/customers/relationshiprequests?${params}`);
}
