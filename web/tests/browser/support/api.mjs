// Test data made through the public API, as any client would (an app's token, App+User).
import { execFileSync } from 'node:child_process';

export const PASSWORD = 'Demo!Pass-2026';

/** The demo data set's credentials (`csphub demo-credentials --output json`). */
export function demoCredentials(binary) {
  return JSON.parse(execFileSync(binary, ['demo-credentials', '--output', 'json'], { encoding: 'utf8' }));
}

async function ok(res) {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

/** The user of a demo partner with `role` ("GlobalAdmin", "HelpdeskAgent", …). */
export function demoUser(partner, role) {
  return partner.users.find((u) => u.role === role);
}

/** A Global admin's token (App+User) of a demo partner. */
export async function adminToken(url, partner) {
  const admin = demoUser(partner, 'GlobalAdmin');
  const form = new URLSearchParams({
    grant_type: 'password',
    client_id: partner.app.clientId,
    client_secret: partner.app.clientSecret,
    username: admin.userPrincipalName,
    password: admin.password,
  });
  const body = await ok(await fetch(`${url}/${partner.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form }));
  return body.access_token;
}

export async function post(url, token, path, json) {
  return ok(
    await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(json),
    }),
  );
}

export function newCustomer(domain, companyName) {
  return {
    companyProfile: { domain },
    billingProfile: {
      firstName: 'Ann',
      lastName: 'Lee',
      email: `ann@${domain}.example`,
      culture: 'en-US',
      language: 'en',
      companyName,
      defaultAddress: { country: 'US', city: 'Redmond', state: 'WA', addressLine1: '1 Main St', postalCode: '98052' },
    },
  };
}
