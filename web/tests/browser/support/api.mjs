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

export const E3_OFFER = '6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4004';

/** A customer of `partner` with `quantity` E3 licenses (none when 0), and the token that made it. */
export async function customerWithE3(url, partner, domain, companyName, quantity) {
  const token = await adminToken(url, partner);
  const customer = await post(url, token, '/v1/customers', newCustomer(domain, companyName));
  let order = null;
  if (quantity > 0) {
    await post(url, token, `/v1/customers/${customer.id}/agreements`, {
      primaryContact: { firstName: 'Ann', lastName: 'Lee', email: `ann@${domain}.example` },
      dateAgreed: new Date().toISOString().slice(0, 10),
      type: 'MicrosoftCustomerAgreement',
    });
    order = await post(url, token, `/v1/customers/${customer.id}/orders`, {
      lineItems: [{ offerId: E3_OFFER, quantity }],
    });
  }
  return { customer, token, order };
}

/** A customer user's own token, as the portal's public client gets it (no cookie: no header). */
export async function customerUserToken(url, userName, password = PASSWORD) {
  const form = new URLSearchParams({
    grant_type: 'password',
    client_id: 'csphub-portal',
    username: userName,
    password,
  });
  const domain = userName.slice(userName.indexOf('@') + 1);
  return (await ok(await fetch(`${url}/${domain}/oauth2/v2.0/token`, { method: 'POST', body: form }))).access_token;
}

/** Replaces a customer user's temporary password with PASSWORD, as that user would. */
export async function setCustomerUserPassword(url, userName, temporary) {
  const token = await customerUserToken(url, userName, temporary);
  await post(url, token, '/v1/me/password', { currentPassword: temporary, newPassword: PASSWORD });
}

/** A customer made by `partner` through the API, whose admin already chose PASSWORD. */
export async function customerWithAdmin(url, partner, domain, companyName) {
  const token = await adminToken(url, partner);
  const customer = await post(url, token, '/v1/customers', newCustomer(domain, companyName));
  const { userName, password } = customer.userCredentials;
  await setCustomerUserPassword(url, userName, password);
  return { customer, token, adminUserName: userName };
}

/** A user of the customer who is not its Global admin (made by a partner with delegated admin). */
export async function customerNonAdminUser(url, partnerToken, customerId, userPrincipalName) {
  const user = await post(url, partnerToken, `/v1/customers/${customerId}/users`, {
    userPrincipalName,
    displayName: 'Megan Bowen',
    firstName: 'Megan',
    lastName: 'Bowen',
    usageLocation: 'US',
  });
  await setCustomerUserPassword(url, userPrincipalName, user.passwordProfile.password);
  return userPrincipalName;
}

/** The invitation link a partner sends customers (GET /v1/customers/relationshiprequests). */
export async function customerInvitationLink(url, partner, { delegatedAdmin = false, indirectProviderId } = {}) {
  const token = await adminToken(url, partner);
  const q = new URLSearchParams({ delegatedAdmin: String(delegatedAdmin) });
  if (indirectProviderId) q.set('indirectProviderId', indirectProviderId);
  const res = await fetch(`${url}/v1/customers/relationshiprequests?${q}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return (await ok(res)).url;
}

/** The partner attests the customer agreement, which orders need (through the API; the Account tab also can). */
export async function attestAgreement(url, partner, customerId) {
  await post(url, await adminToken(url, partner), `/v1/customers/${customerId}/agreements`, {
    primaryContact: { firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@agreements.example' },
    dateAgreed: new Date().toISOString().slice(0, 10),
    type: 'MicrosoftCustomerAgreement',
  });
}

/** The operator enrolls a partner (POST /admin/v1/partners); its admin is left unused. */
export async function enrollPartner(url, demo, partner) {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: demo.operator.clientId,
    client_secret: demo.operator.clientSecret,
  });
  const token = await ok(await fetch(`${url}/operator/oauth2/v2.0/token`, { method: 'POST', body: form }));
  return (await post(url, token.access_token, '/admin/v1/partners', partner)).partner;
}
