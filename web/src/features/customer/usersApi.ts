// The calls behind Users and licenses (docs/api.md, "Customer users"): the active users or the
// deleted ones (restorable for 30 days), create (a temporary password, shown once), delete, restore.
import { getJson, send, sendCsv, type Collection } from '../../api/client';

export interface CustomerUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  state: string;
  passwordProfile?: { password: string };
}

export interface NewUser {
  userPrincipalName: string;
  firstName: string;
  lastName: string;
  displayName: string;
  usageLocation: string;
}

const users = (customerId: string) => `/v1/customers/${encodeURIComponent(customerId)}/users`;

export async function listUsers(customerId: string, deleted: boolean): Promise<CustomerUser[]> {
  const params = new URLSearchParams({ size: '500' });
  if (deleted) params.set('filter', JSON.stringify({ Field: 'UserState', Value: 'Inactive', Operator: 'equals' }));
  return (await getJson<Collection<CustomerUser>>(`${users(customerId)}?${params}`)).items;
}

export async function createUser(customerId: string, user: NewUser): Promise<CustomerUser> {
  const headers = { 'MS-RequestId': crypto.randomUUID() };
  return (await send(users(customerId), { method: 'POST', body: user, headers })).json();
}

export async function deleteUser(customerId: string, id: string): Promise<void> {
  await send(`${users(customerId)}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function restoreUser(customerId: string, id: string): Promise<void> {
  await send(`${users(customerId)}/${encodeURIComponent(id)}`, { method: 'PATCH', body: { state: 'active' } });
}

// Upload users (docs/api.md, "The portal's upload"): the file goes as text/csv with one usage
// location; the answer is the same file with "Status update" filled per row, the counts, and —
// when users were made — the token that opens their temporary passwords once.
export interface ImportResult {
  csv: string;
  created: number;
  failed: number;
  passwordsToken: string | null;
}

export async function importUsers(customerId: string, usageLocation: string, file: Blob): Promise<ImportResult> {
  const params = new URLSearchParams({ usageLocation });
  const res = await sendCsv(`${users(customerId)}/import?${params}`, file);
  return {
    csv: await res.text(),
    created: Number(res.headers.get('CSPHub-Users-Created') ?? 0),
    failed: Number(res.headers.get('CSPHub-Users-Failed') ?? 0),
    passwordsToken: res.headers.get('CSPHub-Passwords-Token'),
  };
}

/** The temporary passwords of an upload, as CSV (userPrincipalName,temporaryPassword): given once. */
export async function downloadPasswords(token: string): Promise<Blob> {
  return (await send('/v1/userimports/passwords', { headers: { 'CSPHub-Passwords-Token': token } })).blob();
}

// Licenses (docs/api.md, "Licenses"): the SKUs the customer bought with their unit counts, the
// user's licenses, and one update that removes, then assigns.
export interface SubscribedSku {
  availableUnits: number;
  consumedUnits: number;
  totalUnits: number;
  productSku: { id: string; name: string };
}

export interface License {
  productSku: { id: string; name: string };
}

export async function listSubscribedSkus(customerId: string): Promise<SubscribedSku[]> {
  return (await getJson<Collection<SubscribedSku>>(`/v1/customers/${encodeURIComponent(customerId)}/subscribedskus`))
    .items;
}

export async function listUserLicenses(customerId: string, userId: string): Promise<License[]> {
  return (await getJson<Collection<License>>(`${users(customerId)}/${encodeURIComponent(userId)}/licenses`)).items;
}

export async function updateLicenses(
  customerId: string,
  userId: string,
  change: { assign?: string[]; remove?: string[] },
): Promise<void> {
  await send(`${users(customerId)}/${encodeURIComponent(userId)}/licenseupdates`, {
    method: 'POST',
    body: {
      licensesToAssign: (change.assign ?? []).map((skuId) => ({ skuId, excludedPlans: [] })),
      licensesToRemove: change.remove ?? [],
    },
  });
}
