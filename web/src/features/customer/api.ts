// The calls behind the Customer page (docs/api.md: customers, billing profile, subscriptions).
import { getJson, send, type Collection } from '../../api/client';
import type { Customer } from '../customers/api';

export interface Address {
  country: string;
  city: string;
  state?: string;
  addressLine1: string;
  postalCode: string;
  phoneNumber?: string;
}

export interface BillingProfile {
  firstName: string;
  lastName: string;
  email: string;
  culture: string;
  language: string;
  companyName: string;
  defaultAddress: Address;
}

export interface Subscription {
  id: string;
  offerId: string;
  offerName: string;
  friendlyName: string;
  quantity: number;
  status: string;
  partnerId?: string;
  autoRenewEnabled: boolean;
  suspensionExpiryDate?: string;
  attributes: { etag: string };
}

export function getCustomer(id: string): Promise<Customer> {
  return getJson(`/v1/customers/${encodeURIComponent(id)}`);
}

/** The profile and its ETag, which the update must send back (If-Match). */
export async function getBillingProfile(id: string): Promise<{ profile: BillingProfile; etag: string }> {
  const res = await send(`/v1/customers/${encodeURIComponent(id)}/profiles/billing`);
  return { profile: await res.json(), etag: res.headers.get('ETag') ?? '' };
}

export async function updateBillingProfile(
  id: string,
  profile: BillingProfile,
  etag: string,
): Promise<{ profile: BillingProfile; etag: string }> {
  const res = await send(`/v1/customers/${encodeURIComponent(id)}/profiles/billing`, {
    method: 'PUT',
    body: profile,
    headers: { 'If-Match': etag },
  });
  return { profile: await res.json(), etag: res.headers.get('ETag') ?? '' };
}

export async function listSubscriptions(customerId: string): Promise<Subscription[]> {
  const page = await getJson<Collection<Subscription>>(`/v1/customers/${encodeURIComponent(customerId)}/subscriptions`);
  return page.items;
}

/** Ends the caller's relationship with the customer (refused while subscriptions are active). */
export async function removeRelationship(customerId: string): Promise<void> {
  await send(`/v1/customers/${encodeURIComponent(customerId)}`, {
    method: 'PATCH',
    body: { relationshipToPartner: 'none' },
  });
}
