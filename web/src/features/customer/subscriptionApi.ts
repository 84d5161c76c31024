// The calls behind Subscription details (docs/api.md, "Orders and subscriptions"): every change
// is a PATCH with the etag the page read, so that a change made meanwhile is refused (412 2055).
import { getJson, send } from '../../api/client';
import type { Subscription } from './api';

export interface SubscriptionChange {
  quantity?: number;
  status?: 'active' | 'suspended';
  friendlyName?: string;
  autoRenewEnabled?: boolean;
  /** The reseller of record's MPN ID; '' removes it. */
  partnerId?: string;
}

export interface SupportContact {
  supportTenantId: string;
  supportMpnId: string;
  name: string;
}

const path = (customerId: string, id: string) =>
  `/v1/customers/${encodeURIComponent(customerId)}/subscriptions/${encodeURIComponent(id)}`;

export function getSubscription(customerId: string, id: string): Promise<Subscription> {
  return getJson(path(customerId, id));
}

export async function patchSubscription(s: Subscription, customerId: string, change: SubscriptionChange) {
  const res = await send(path(customerId, s.id), {
    method: 'PATCH',
    body: change,
    headers: { 'If-Match': `"${s.attributes.etag}"` },
  });
  return (await res.json()) as Subscription;
}

export function getSupportContact(customerId: string, id: string): Promise<SupportContact> {
  return getJson(`${path(customerId, id)}/supportcontact`);
}

export async function putSupportContact(customerId: string, id: string, supportMpnId: string) {
  const res = await send(`${path(customerId, id)}/supportcontact`, { method: 'PUT', body: { supportMpnId } });
  return (await res.json()) as SupportContact;
}
