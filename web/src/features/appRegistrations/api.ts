// App registrations (docs/api.md, "Partner users and apps"): the partner's apps for app-only
// and App+User tokens. A new app and a rotation give a client secret, returned this once.
import { getJson, send, type Collection } from '../../api/client';
import type { Role } from '../../session/session';

export interface AppRegistration {
  clientId: string;
  displayName: string;
  roles: Role[];
  createdDateTime: string;
  secretRotatedDateTime: string;
  clientSecret?: string;
}

const app = (clientId: string) => `/v1/apps/${encodeURIComponent(clientId)}`;

export async function listApps(): Promise<AppRegistration[]> {
  return (await getJson<Collection<AppRegistration>>('/v1/apps')).items;
}

export async function createApp(displayName: string, roles: Role[]): Promise<AppRegistration> {
  return (await send('/v1/apps', { method: 'POST', body: { displayName, roles } })).json();
}

export async function rotateSecret(clientId: string): Promise<AppRegistration> {
  return (await send(`${app(clientId)}/secret`, { method: 'POST' })).json();
}

export async function deleteApp(clientId: string): Promise<void> {
  await send(app(clientId), { method: 'DELETE' });
}
