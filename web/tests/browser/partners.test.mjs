// Indirect resellers and Indirect providers in a real browser: a provider requests a partnership
// and the reseller accepts the link in its own browser (the token leaves the address at once);
// Add new customer from a reseller's row; a reseller's joint customer invitation with its
// provider; removing a reseller after the warning; revoking a request; what roles and programs
// do not see.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { PASSWORD, adminToken, post } from './support/api.mjs';
import { assertEventually, en, fill, heading, ru, signIn, signInAs, usePortal, zh } from './support/portal.mjs';

const portal = usePortal();
const { provider, reseller } = portal; // Northwind Distribution (provider), Contoso Reseller (its reseller)
const fabrikam = portal.demo.partners[2]; // Fabrikam Solutions: an indirect reseller with no provider yet

const LANGUAGE = new Map([
  [en, 'en'],
  [ru, 'ru'],
  [zh, 'zh-TW'],
]);

/** A new browser context on the sign-in page, in language `t`. */
async function newPage(t = en, viewport) {
  const page = await portal.newPage(viewport);
  if (t !== en) await page.getByLabel(en['shell.language']).selectOption(LANGUAGE.get(t));
  return page;
}

/** Signed in as `role` of `partner`, on the menu entry `nav` (a catalog key). */
async function openPage(partner, role, nav, t = en, viewport) {
  const page = await newPage(t, viewport);
  await signInAs(page, partner, role, t);
  await page.getByRole('navigation', { name: t['shell.nav.label'] }).getByRole('link', { name: t[nav] }).click();
  return page;
}

const partnerTable = (page, key, t = en) => page.getByRole('table', { name: t[key] });
const partnerRow = (page, key, name, t = en) => partnerTable(page, key, t).getByRole('row').filter({ hasText: name });
const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent?.trim());

async function call(method, path, token, body) {
  const res = await fetch(`${portal.server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

/** A portal user's token after replacing the temporary password with PASSWORD (as the first sign-in does). */
async function firstSignIn(tenant, userPrincipalName, temporary) {
  const token = async (password) => {
    const form = new URLSearchParams({
      grant_type: 'password',
      client_id: 'csphub-portal',
      username: userPrincipalName,
      password,
    });
    const res = await fetch(`${portal.server.url}/${tenant}/oauth2/v2.0/token`, { method: 'POST', body: form });
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()).access_token;
  };
  await call('POST', '/v1/me/password', await token(temporary), { currentPassword: temporary, newPassword: PASSWORD });
  return token(PASSWORD);
}

/** A new indirect reseller enrolled by the operator, with its Global admin and a Sales agent ready to sign in. */
async function enrollReseller(prefix, name, mpnId) {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: portal.demo.operator.clientId,
    client_secret: portal.demo.operator.clientSecret,
  });
  const res = await fetch(`${portal.server.url}/operator/oauth2/v2.0/token`, { method: 'POST', body: form });
  const operator = (await res.json()).access_token;
  const enrolled = await call('POST', '/admin/v1/partners', operator, {
    name,
    country: 'US',
    programs: ['indirect_reseller'],
    mpnId,
    domain: prefix,
  });
  const tenantId = enrolled.partner.tenantId ?? enrolled.partner.id;
  const admin = enrolled.adminUser.userPrincipalName;
  const token = await firstSignIn(tenantId, admin, enrolled.adminUser.passwordProfile.password);
  const domain = admin.slice(admin.indexOf('@') + 1);
  const sales = await call('POST', '/v1/users', token, {
    userPrincipalName: `sales@${domain}`,
    displayName: 'Sales',
    roles: ['SalesAgent'],
  });
  await firstSignIn(tenantId, sales.userPrincipalName, sales.passwordProfile.password);
  return { tenantId, name, token, admin, sales: sales.userPrincipalName };
}

/** A partnership request made through the API: its link. */
async function requestThroughApi() {
  const token = await adminToken(portal.server.url, provider);
  return (await post(portal.server.url, token, '/v1/relationships/invitations', {})).url;
}

describe('Indirect resellers and providers', () => {
  test('a provider requests a partnership; the reseller opens the link in its browser and accepts', async () => {
    const page = await openPage(provider, 'GlobalAdmin', 'partners.resellers.nav');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal.server.url });
    await heading(page, en['partners.resellers.title']).waitFor();
    await partnerRow(page, 'partners.resellers.table', reseller.name).waitFor();
    assert.equal(await partnerRow(page, 'partners.resellers.table', fabrikam.name).count(), 0);

    // Request a partnership: the draft email with the personalised link, mailto, copy, Done.
    await page.getByRole('button', { name: en['partners.request.open'] }).click();
    const dialog = page.getByRole('dialog', { name: en['partners.request.title'] });
    const body = dialog.getByLabel(en['partners.draft.body']);
    await assertEventually(async () => (await body.inputValue()).includes('/#/partnerships/accept/'));
    const text = await body.inputValue();
    const url = /(http\S+\/#\/partnerships\/accept\/[A-Za-z0-9_-]+)/.exec(text)[1];
    assert.ok(url.startsWith(portal.server.url), url);
    const mailto = await dialog.getByRole('link', { name: en['partners.draft.openInEmail'] }).getAttribute('href');
    assert.ok(mailto.startsWith('mailto:?subject='), mailto);
    assert.ok(mailto.includes(encodeURIComponent(url)), 'the mailto body carries the link');
    await dialog.getByRole('button', { name: en['partners.draft.copy'] }).click();
    await dialog.getByRole('status').filter({ hasText: en['partners.draft.copied'] }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
    await dialog.getByRole('button', { name: en['partners.draft.done'] }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await focusedText(page), en['partners.request.open']);
    // The request is listed, active.
    await page
      .getByRole('table', { name: en['partners.requests.title'] })
      .getByRole('cell', { name: en['partners.requests.state.active'], exact: true })
      .first()
      .waitFor();

    // The reseller, in a browser of its own, signed out, opens the link from the email (a new
    // tab): the token leaves the address at once.
    const other = await (await portal.browser.newContext()).newPage();
    await other.goto(url);
    await other.getByLabel(en['signin.username']).waitFor();
    const token = url.slice(url.lastIndexOf('/') + 1);
    assert.equal(new URL(other.url()).pathname, '/partnerships/accept');
    assert.ok(!other.url().includes(token), 'the token is no longer in the address');
    assert.equal(
      await other.evaluate(() => window.location.hash),
      '',
      'no "#/…" left to put the token back in the history',
    );
    await signInAs(other, fabrikam, 'GlobalAdmin');
    await heading(other, en['partners.accept.title']).waitFor();
    await other.getByText(fill(en['partners.accept.intro'], { provider: provider.name })).waitFor();
    await other.getByText(en['partners.accept.grant.add_customers_on_your_behalf']).waitFor();
    assert.ok(!other.url().includes(token));
    await other.getByRole('button', { name: en['partners.accept.submit'] }).click();
    await other
      .getByRole('status')
      .filter({ hasText: fill(en['partners.accept.done'], { provider: provider.name }) })
      .waitFor();
    await other.getByRole('link', { name: en['partners.accept.toProviders'] }).click();
    await heading(other, en['partners.providers.title']).waitFor();
    await partnerRow(other, 'partners.providers.table', provider.name).filter({ hasText: provider.mpnId }).waitFor();
    // The reseller's menu has Indirect providers, not Indirect resellers.
    const menu = other.getByRole('navigation', { name: en['shell.nav.label'] });
    assert.equal(await menu.getByRole('link', { name: en['partners.resellers.nav'] }).count(), 0);
    await other.context().close();

    // The provider sees its new reseller.
    await page.reload();
    await partnerRow(page, 'partners.resellers.table', fabrikam.name).filter({ hasText: fabrikam.mpnId }).waitFor();
    await page.context().close();
  });

  test("a provider's Add new customer on a reseller's row opens the wizard with that reseller selected", async () => {
    const page = await openPage(provider, 'AdminAgent', 'partners.resellers.nav');
    await partnerRow(page, 'partners.resellers.table', reseller.name)
      .getByRole('button', { name: en['partners.resellers.addCustomer'] })
      .click();
    await heading(page, fill(en['addCustomer.title'], { step: en['addCustomer.step.account'] })).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('reseller'), reseller.tenantId);
    const select = page.getByLabel(en['addCustomer.field.reseller']);
    await assertEventually(async () => (await select.inputValue()) === reseller.tenantId);
    assert.equal(await select.locator('option:checked').textContent(), reseller.name);
    await page.context().close();
  });

  test("a reseller's Invite new customers (in Russian, at phone width) shows the joint link naming the provider", async () => {
    const page = await openPage(reseller, 'GlobalAdmin', 'partners.providers.nav', ru, { width: 390, height: 844 });
    await heading(page, ru['partners.providers.title']).waitFor();
    const invite = partnerRow(page, 'partners.providers.table', provider.name, ru).getByRole('button', {
      name: ru['partners.providers.invite'],
    });
    await invite.click();
    const dialog = page.getByRole('dialog', { name: fill(ru['partners.invite.title'], { provider: provider.name }) });
    const body = dialog.getByLabel(ru['partners.draft.body']);
    await assertEventually(async () => (await body.inputValue()).includes('invType=IndirectResellerRelationship'));
    let text = await body.inputValue();
    assert.ok(text.includes(provider.name), 'the email names the provider');
    assert.ok(text.includes('Здравствуйте'), 'the email is in Russian');
    assert.ok(text.includes(`indirectCSPId=${provider.tenantId}`), text);
    assert.ok(text.includes(`partnerId=${reseller.tenantId}`), text);
    assert.ok(text.includes('DAP=false'), text);
    // With delegated admin privileges (a Global admin may ask for them): a new link.
    await dialog.getByRole('checkbox', { name: ru['partners.draft.delegatedAdmin'] }).check();
    await assertEventually(async () => (await body.inputValue()).includes('DAP=true'));
    text = await body.inputValue();
    const mailto = await dialog.getByRole('link', { name: ru['partners.draft.openInEmail'] }).getAttribute('href');
    assert.ok(mailto.includes(encodeURIComponent(`indirectCSPId=${provider.tenantId}`)), mailto);
    await dialog.getByRole('button', { name: ru['partners.draft.done'] }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await focusedText(page), ru['partners.providers.invite']);
    // Usable at phone width: the page itself does not scroll sideways.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    await page.context().close();
  });

  test('a provider removes a reseller after the warning, and revokes a partnership request', async () => {
    const fresh = await enrollReseller('wingtipresellers', 'Wingtip Resellers', '5000005');
    const url = await requestThroughApi();
    await call('POST', '/v1/relationships/invitations/accept', fresh.token, {
      token: url.slice(url.lastIndexOf('/') + 1),
    });

    const page = await openPage(provider, 'GlobalAdmin', 'partners.resellers.nav');
    const row = partnerRow(page, 'partners.resellers.table', fresh.name);
    const remove = row.getByRole('button', { name: en['partners.resellers.remove'] });
    // No: nothing changes, and focus is back on the row's button.
    await remove.click();
    let dialog = page.getByRole('alertdialog', { name: fill(en['partners.remove.title'], { name: fresh.name }) });
    await dialog.getByText(fill(en['partners.remove.warning.reseller'], { name: fresh.name })).waitFor();
    await dialog.getByText(en['partners.remove.keeps']).waitFor();
    await assertEventually(async () => (await focusedText(page)) === en['partners.remove.no']); // the harmless answer first
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await focusedText(page), en['partners.resellers.remove']);
    assert.equal(await row.count(), 1);
    // Yes: the reseller leaves the list, on both sides.
    await remove.click();
    dialog = page.getByRole('alertdialog', { name: fill(en['partners.remove.title'], { name: fresh.name }) });
    await dialog.getByRole('button', { name: en['partners.remove.yes'] }).click();
    await page
      .getByRole('status')
      .filter({ hasText: fill(en['partners.resellers.removed'], { name: fresh.name }) })
      .waitFor();
    assert.equal(await row.count(), 0);
    const providers = await call('GET', '/v1/relationships?relationship_type=IsIndirectResellerOf', fresh.token);
    assert.equal(providers.items.length, 0);

    // Revoke: a request made meanwhile, through the API; its link stops working.
    const revoked = await requestThroughApi();
    await page.reload();
    const requests = page.getByRole('table', { name: en['partners.requests.title'] });
    await requests.getByRole('row').nth(1).waitFor();
    const active = await requests.getByRole('row').count(); // the header and the active requests (≥ 2)
    await requests.getByRole('row').nth(1).getByRole('button', { name: en['partners.requests.revoke'] }).click(); // newest first
    await assertEventually(async () => (await requests.getByRole('row').count()) === active - 1);
    // Ended requests show on request, the revoked one first.
    await page.getByRole('checkbox', { name: en['partners.requests.showEnded'] }).check();
    await requests
      .getByRole('row')
      .nth(1)
      .getByRole('cell', { name: en['partners.requests.state.revoked'], exact: true })
      .waitFor();
    const res = await fetch(`${portal.server.url}/v1/relationships/invitations/preview`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${fresh.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: revoked.slice(revoked.lastIndexOf('/') + 1) }),
    });
    assert.equal(res.status, 404);
    await page.context().close();
  });

  test('a reseller removes its provider; a refusal shows in the dialog, next to Yes', async () => {
    const fresh = await enrollReseller('lucerneresellers', 'Lucerne Resellers', '7000007');
    const url = await requestThroughApi();
    await call('POST', '/v1/relationships/invitations/accept', fresh.token, {
      token: url.slice(url.lastIndexOf('/') + 1),
    });

    const page = await newPage();
    await signIn(page, fresh.admin);
    await page.getByRole('link', { name: en['partners.providers.nav'] }).click();
    const row = partnerRow(page, 'partners.providers.table', provider.name);
    await row.waitFor();
    // The provider ends the partnership first: the reseller's Yes is refused, and says why.
    const providerToken = await adminToken(portal.server.url, provider);
    await call('DELETE', `/v1/relationships/${fresh.tenantId}`, providerToken);
    await row.getByRole('button', { name: en['partners.providers.remove'] }).click();
    const dialog = page.getByRole('alertdialog', { name: fill(en['partners.remove.title'], { name: provider.name }) });
    await dialog.getByText(fill(en['partners.remove.warning.provider'], { name: provider.name })).waitFor();
    await dialog.getByRole('button', { name: en['partners.remove.yes'] }).click();
    await dialog.getByRole('alert').waitFor();
    await dialog.getByRole('button', { name: en['partners.remove.no'] }).click();
    assert.equal(await focusedText(page), en['partners.providers.remove']);

    // Partners again, and this time the reseller removes the provider.
    const again = await requestThroughApi();
    await call('POST', '/v1/relationships/invitations/accept', fresh.token, {
      token: again.slice(again.lastIndexOf('/') + 1),
    });
    await page.reload();
    await row.getByRole('button', { name: en['partners.providers.remove'] }).click();
    await dialog.getByRole('button', { name: en['partners.remove.yes'] }).click();
    await page
      .getByRole('status')
      .filter({ hasText: fill(en['partners.providers.removed'], { name: provider.name }) })
      .waitFor();
    await page.getByText(en['partners.providers.empty']).waitFor();
    const resellers = await call(
      'GET',
      '/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf',
      providerToken,
    );
    assert.ok(!resellers.items.some((r) => r.id === fresh.tenantId));
    await page.context().close();
  });

  test("roles (in Traditional Chinese): a provider's helpdesk agent has no partnership controls; a reseller's sales agent cannot accept", async () => {
    // The helpdesk agent may not request a partnership: no menu entry, no button at the address.
    let page = await newPage(zh);
    await signInAs(page, provider, 'HelpdeskAgent', zh);
    const menu = page.getByRole('navigation', { name: zh['shell.nav.label'] });
    await menu.getByRole('link', { name: zh['customers.nav'] }).waitFor();
    assert.equal(await menu.getByRole('link', { name: zh['partners.resellers.nav'] }).count(), 0);
    await page.goto(`${portal.server.url}/indirect-resellers`);
    await page.getByText(zh['partners.resellers.roleReason']).waitFor();
    assert.equal(await page.getByRole('button', { name: zh['partners.request.open'] }).count(), 0);
    await page.context().close();

    // A sales agent of a new reseller sees who invites, but Accept is disabled with the reason.
    // The link is pasted into the tab where the portal is open: the token leaves the address too.
    const fresh = await enrollReseller('margiestravel', 'Margie Travel Resellers', '6000006');
    const url = await requestThroughApi();
    page = await newPage(zh);
    await page.goto(url);
    await assertEventually(async () => new URL(page.url()).pathname === '/partnerships/accept');
    assert.ok(!page.url().includes(url.slice(url.lastIndexOf('/') + 1)));
    await signIn(page, fresh.sales, PASSWORD, zh);
    await page.getByText(fill(zh['partners.accept.intro'], { provider: provider.name })).waitFor();
    const accept = page.getByRole('button', { name: zh['partners.accept.submit'] });
    assert.equal(await accept.getAttribute('aria-disabled'), 'true');
    await page.getByText(zh['partners.accept.roleReason']).waitFor();
    const providers = await call('GET', '/v1/relationships?relationship_type=IsIndirectResellerOf', fresh.token);
    assert.equal(providers.items.length, 0);
    await page.context().close();
  });
});
