// Customer permissions (docs/api.md, "Customer agreements and customer permissions"): the
// caller's self-serve policy for a customer — at most one — that lets the customer buy Azure
// reservations itself. Created, updated with its ETag, deleted to withdraw the permission.
import { getJson, send, type Collection } from '../../api/client';

export interface SelfServePermission {
  resource: string;
  action: string;
}

export interface SelfServePolicy {
  id: string;
  selfServeEntity: { selfServeEntityType: string; tenantID: string };
  grantor: { grantorType: string; tenantID: string };
  permissions: SelfServePermission[];
  attributes: { etag: string };
}

/** The one permission the API knows: buy Azure reservations. */
export const RESERVATIONS: SelfServePermission = { resource: 'AzureReservedInstances', action: 'Purchase' };

const same = (a: SelfServePermission, b: SelfServePermission) =>
  a.resource.toLowerCase() === b.resource.toLowerCase() && a.action.toLowerCase() === b.action.toLowerCase();

export const grants = (policy: SelfServePolicy | null, permission: SelfServePermission) =>
  policy !== null && policy.permissions.some((p) => same(p, permission));

export async function getPolicy(customerId: string): Promise<SelfServePolicy | null> {
  const params = new URLSearchParams({ entity_id: customerId });
  return (await getJson<Collection<SelfServePolicy>>(`/v1/SelfServePolicy?${params}`)).items[0] ?? null;
}

const path = (id: string) => `/v1/SelfServePolicy/${encodeURIComponent(id)}`;

/**
 * Grants or withdraws `permission`: creates the policy when there is none, deletes it when the
 * permission was its last, else updates it with the ETag it was read with (a change made
 * meanwhile is refused, 412). Answers the policy as it now is (null: none).
 */
export async function setPermission(
  customerId: string,
  policy: SelfServePolicy | null,
  permission: SelfServePermission,
  on: boolean,
): Promise<SelfServePolicy | null> {
  if (on && !policy) {
    return (
      await send('/v1/SelfServePolicy', {
        method: 'POST',
        body: {
          selfServeEntity: { selfServeEntityType: 'customer', tenantID: customerId },
          grantor: { grantorType: 'billToPartner' },
          permissions: [permission],
        },
      })
    ).json();
  }
  if (!policy) return null;
  const permissions = on
    ? [...policy.permissions.filter((p) => !same(p, permission)), permission]
    : policy.permissions.filter((p) => !same(p, permission));
  if (permissions.length === 0) {
    await send(path(policy.id), { method: 'DELETE' });
    return null;
  }
  return (
    await send(path(policy.id), {
      method: 'PUT',
      body: { ...policy, permissions },
      headers: { 'If-Match': `"${policy.attributes.etag}"` },
    })
  ).json();
}
