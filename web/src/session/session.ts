// Signing in and out, and who is signed in (GET /v1/me). The token itself lives only in the
// HttpOnly cookie the server sets; nothing here stores it.
import { getJson, send } from '../api/client';

export type Role =
  'GlobalAdmin' | 'AdminAgent' | 'SalesAgent' | 'HelpdeskAgent' | 'UserManagementAdmin' | 'BillingAdmin';

export interface Me {
  tenantId: string;
  id: string;
  userPrincipalName: string;
  roles: Role[];
  tenantType: 'partner' | 'customer' | 'operator';
  globalAdmin?: boolean;
  /** A partner's programs (GET /v1/profiles/mpn): 'indirect_provider', 'indirect_reseller', … */
  programs?: string[];
}

export interface SignInResult {
  passwordChangeRequired: boolean;
}

/** The tenant a user signs in on: the domain of their user name ('' when it has none). */
export function tenantOf(userPrincipalName: string): string {
  const at = userPrincipalName.lastIndexOf('@');
  return at < 0 ? '' : userPrincipalName.slice(at + 1).trim();
}

/** Password grant through the public portal client, for partner and customer users alike. */
export async function signIn(tenant: string, username: string, password: string): Promise<SignInResult> {
  const res = await send(`/${encodeURIComponent(tenant.trim())}/oauth2/v2.0/token`, {
    method: 'POST',
    form: { grant_type: 'password', client_id: 'csphub-portal', username: username.trim(), password },
  });
  const body = await res.json();
  return { passwordChangeRequired: body.password_change_required === true };
}

export async function fetchMe(): Promise<Me> {
  const me = await getJson<Me>('/v1/me');
  // The menu shows some pages to some programs only (Indirect resellers: providers). Before a
  // temporary password is changed the profile is refused: the programs come with the next load.
  if (me.tenantType === 'partner') {
    me.programs = await getJson<{ programs: string[] }>('/v1/profiles/mpn').then(
      (p) => p.programs,
      () => undefined,
    );
  }
  return me;
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await send('/v1/me/password', { method: 'POST', body: { currentPassword, newPassword } });
}

export async function signOut(): Promise<void> {
  await send('/v1/portal/signout', { method: 'POST' });
}
