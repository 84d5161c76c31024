// Partner users (docs/api.md, "Partner users and apps"): the partner's own staff, their roles
// and state. A new user and a reset give a temporary password, returned this once.
import { getJson, send, type Collection } from '../../api/client';
import type { Role } from '../../session/session';

export const ROLES: Role[] = [
  'GlobalAdmin',
  'AdminAgent',
  'SalesAgent',
  'HelpdeskAgent',
  'UserManagementAdmin',
  'BillingAdmin',
];

export interface PartnerUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  state: 'active' | 'disabled';
  mustChangePassword: boolean;
  createdDateTime: string;
  passwordProfile?: { password: string; forceChangePassword: boolean };
}

export interface NewPartnerUser {
  displayName: string;
  firstName: string;
  lastName: string;
  userPrincipalName: string;
  roles: Role[];
}

const user = (id: string) => `/v1/users/${encodeURIComponent(id)}`;

export async function listUsers(): Promise<PartnerUser[]> {
  return (await getJson<Collection<PartnerUser>>('/v1/users')).items;
}

export async function createUser(u: NewPartnerUser): Promise<PartnerUser> {
  return (await send('/v1/users', { method: 'POST', body: u })).json();
}

export async function updateUser(
  id: string,
  changes: { roles?: Role[]; state?: 'active' | 'disabled' },
): Promise<PartnerUser> {
  return (await send(user(id), { method: 'PATCH', body: changes })).json();
}

export async function deleteUser(id: string): Promise<void> {
  await send(user(id), { method: 'DELETE' });
}

export async function resetPassword(id: string): Promise<string> {
  const body = await (await send(`${user(id)}/resetpassword`, { method: 'POST' })).json();
  return body.passwordProfile.password;
}
