// The calls behind Users and licenses (docs/api.md, "Customer users"): the active users or the
// deleted ones (restorable for 30 days), create (a temporary password, shown once), delete, restore.
import { getJson, send, type Collection } from '../../api/client';

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
