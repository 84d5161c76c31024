// A partner's invitation link on the customer's side, in a real browser: the signed-out page (what
// the link says, Sign in, Create your company's account), the Global admin's Accept and Decline,
// a user who is not the Global admin, and the customer's Partners page (Remove admin rights).
// The links come from the API (GET /v1/customers/relationshiprequests), as a partner gets them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  PASSWORD,
  adminToken,
  customerInvitationLink,
  customerNonAdminUser,
  customerUserToken,
  customerWithAdmin,
  enrollPartner,
} from './support/api.mjs';
import { en, fill, heading, openCustomerLink, ru, signIn, signInAs, usePortal, zh } from './support/portal.mjs';

const portal = usePortal();
const { provider, reseller } = portal;
const direct = portal.demo.partners[3]; // Tailspin Direct: a direct-bill partner

/** A fresh browser context (its own cookies) on the link, as a person who clicks it in an email. */
async function openLink(link, viewport = { width: 1280, height: 900 }) {
  const context = await portal.browser.newContext({ viewport });
  const page = await context.newPage();
  // The server writes "<public_url>/#/customer-invitations?…"; main.tsx routes the hash.
  await page.goto(`${portal.server.url}/${new URL(link).hash}`);
  return page;
}

async function customerPartners(userName) {
  const token = await customerUserToken(portal.server.url, userName);
  const res = await fetch(`${portal.server.url}/v1/customertenant/partners`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200);
  return (await res.json()).items;
}

/** The partner's Customers page, searched for `name`; the matching rows. */
async function partnerSearches(partner, name) {
  const page = await portal.newPage();
  await signInAs(page, partner, 'GlobalAdmin');
  await heading(page, en['customers.title']).waitFor();
  await page.getByLabel(en['customers.search.label']).fill(name);
  await page.getByRole('button', { name: en['customers.search.submit'] }).click();
  return page;
}

describe('Invitation: joint reseller and provider', () => {
  test("a customer's Global admin accepts a joint link; the reseller sees it, the provider orders for it", async () => {
    const { customer, adminUserName } = await customerWithAdmin(portal.server.url, direct, 'cohowinery', 'Coho Winery');
    const link = await customerInvitationLink(portal.server.url, reseller, {
      delegatedAdmin: true,
      indirectProviderId: provider.tenantId,
    });
    assert.match(link, /invType=IndirectResellerRelationship/);

    // Signed out: what the link says (IDs only: the API names partners to the customer's admin).
    const page = await openLink(link);
    await heading(page, en['invitation.title']).waitFor();
    await page.getByText(en['invitation.intro.joint']).waitFor();
    await page.getByText(reseller.tenantId).waitFor();
    await page.getByText(provider.tenantId).waitFor();
    await page.getByText(reseller.mpnId, { exact: true }).waitFor();
    await page.getByText(en['invitation.link.adminRights.yes']).waitFor();

    // Sign in, and the invitation is still there (the query kept across the sign-in page).
    await page.getByRole('button', { name: en['invitation.signedOut.signIn'] }).click();
    await page.getByText(en['invitation.signIn.hint']).waitFor();
    await signIn(page, adminUserName);
    await page
      .getByText(fill(en['invitation.invites.joint'], { reseller: reseller.name, provider: provider.name }))
      .waitFor();
    assert.match(page.url(), /\/customer-invitations\?invType=IndirectResellerRelationship/);
    await page.getByText(fill(en['invitation.grant.withAdmin'], { name: reseller.name })).waitFor();
    await page.getByText(fill(en['invitation.grant.withAdmin'], { name: provider.name })).waitFor();
    await page.getByText(en['invitation.adminRights.asked']).waitFor();
    await page.getByRole('button', { name: en['invitation.accept'] }).click();
    await page.getByRole('heading', { name: en['invitation.accepted.title'] }).waitFor();
    await page.getByText(fill(en['invitation.accepted.partnerWithAdmin'], { name: reseller.name })).waitFor();
    await page.getByText(fill(en['invitation.accepted.partnerWithAdmin'], { name: provider.name })).waitFor();
    // The result's heading takes the focus, for keyboard and screen-reader users.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'invitation-result');
    await page.context().close();

    const partners = await customerPartners(adminUserName);
    const byName = Object.fromEntries(partners.map((p) => [p.name, p]));
    assert.equal(byName[reseller.name].delegatedAdmin, true);
    assert.equal(byName[reseller.name].indirectProviderId, provider.tenantId);
    assert.equal(byName[provider.name].indirectResellerId, reseller.tenantId);

    // The reseller, in its own browser, finds the customer on its Customers page.
    const resellerPage = await partnerSearches(reseller, 'Coho Winery');
    await resellerPage.getByRole('row').filter({ hasText: 'Coho Winery' }).waitFor();
    await resellerPage.context().close();

    // The provider attests the customer agreement on the Account tab, then orders for it.
    const providerPage = await openCustomerLink(portal, 'GlobalAdmin', 'Coho Winery', 'customers.links.account');
    await providerPage.getByLabel(en['customer.agreement.firstName']).fill('Ann');
    await providerPage.getByLabel(en['customer.agreement.lastName']).fill('Lee');
    await providerPage.getByLabel(en['customer.agreement.email']).fill('ann.lee@cohowinery.example');
    await providerPage.getByRole('checkbox', { name: en['customer.agreement.attest'] }).check();
    await providerPage.getByRole('button', { name: en['customer.agreement.submit'] }).click();
    await providerPage.getByText(en['customer.agreement.saved']).waitFor();
    await providerPage.getByRole('tab', { name: en['customer.tab.subscriptions'] }).click();
    await providerPage.getByRole('button', { name: en['customer.subscriptions.add'] }).click();
    await providerPage.getByRole('checkbox', { name: 'Office Business Basic', exact: true }).check();
    await providerPage
      .getByLabel(fill(en['addCustomer.subscriptions.quantity'], { offer: 'Office Business Basic' }))
      .fill('4');
    await providerPage.getByRole('button', { name: en['customer.subscriptions.order'] }).click();
    await providerPage
      .getByRole('table', { name: en['customer.tab.subscriptions'] })
      .getByRole('row')
      .filter({ hasText: 'Office Business Basic' })
      .waitFor();
    await providerPage.context().close();
  });
});

describe('Invitation: a company without an account', () => {
  test('creates its account from the link in Traditional Chinese with the password it chooses, is signed in, and the partner sees it', async () => {
    const link = await customerInvitationLink(portal.server.url, direct, { delegatedAdmin: false });
    const page = await openLink(link);
    await page.getByLabel(en['shell.language']).selectOption('zh-TW');
    await heading(page, zh['invitation.title']).waitFor();
    await page.getByText(zh['invitation.link.adminRights.no']).waitFor();
    await page.getByRole('button', { name: zh['invitation.signedOut.signUp'] }).click();

    // Nothing is sent while a required field is empty.
    await page.getByRole('button', { name: zh['invitation.signup.submit'] }).click();
    await page.getByText(zh['addCustomer.error.required']).first().waitFor();

    const fields = {
      'addCustomer.field.companyName': 'Fabrikam Tea House',
      'addCustomer.field.domain': 'fabrikamtea',
      'addCustomer.field.firstName': 'Mei',
      'addCustomer.field.lastName': 'Lin',
      'addCustomer.field.email': 'mei.lin@fabrikamtea.example',
      'addCustomer.field.addressLine1': '1 Main St',
      'addCustomer.field.city': 'Redmond',
      'addCustomer.field.state': 'WA',
      'addCustomer.field.postalCode': '98052',
    };
    for (const [key, value] of Object.entries(fields)) await page.getByLabel(zh[key]).fill(value);
    // The domain hint speaks to the company itself.
    await page.getByText(fill(zh['addCustomer.domain.hintOwn'], { domain: 'fabrikamtea' })).waitFor();

    // A password the confirmation does not match is refused before anything is sent.
    const chosen = 'Tea-House!2026';
    const password = page.getByLabel(zh['invitation.signup.password']);
    await password.fill(chosen);
    await page.getByLabel(zh['invitation.signup.confirmPassword']).fill('Tea-House!2025');
    await page.getByText(fill(zh['invitation.signup.passwordHint'], { min: 12, max: 256 })).waitFor();
    const signups = [];
    page.on('request', (r) => r.url().includes('/v1/invitations/signup') && signups.push(r));
    await page.getByRole('button', { name: zh['invitation.signup.submit'] }).click();
    await page.getByText(zh['invitation.signup.passwordMismatch']).waitFor();
    // Too short, too.
    await password.fill('short');
    await page.getByText(fill(zh['invitation.signup.passwordRule'], { min: 12, max: 256 })).waitFor();
    assert.equal(signups.length, 0);

    await password.fill(chosen);
    await page.getByLabel(zh['invitation.signup.confirmPassword']).fill(chosen);
    await page.getByRole('button', { name: zh['invitation.signup.submit'] }).click();

    // Signed in directly with the chosen password, on the Partners page; no password shown.
    await heading(page, zh['invitation.partners.title']).waitFor();
    assert.equal(await page.getByLabel(zh['addCustomer.done.password']).count(), 0);
    const card = page.getByRole('article', { name: direct.name });
    await card.getByText(zh['invitation.partners.relationship.reseller'], { exact: true }).waitFor();
    await card.getByText(zh['invitation.partners.adminRights.no'], { exact: true }).waitFor();
    assert.equal(await card.getByRole('button', { name: zh['invitation.partners.remove'] }).count(), 0);
    await page.context().close();

    const partnerPage = await partnerSearches(direct, 'Fabrikam Tea House');
    await partnerPage.getByRole('row').filter({ hasText: 'fabrikamtea.onmicrosoft.com' }).waitFor();
    await partnerPage.context().close();

    // The chosen password is the admin's, with no change forced at first sign-in.
    const token = await customerUserToken(portal.server.url, 'admin@fabrikamtea.onmicrosoft.com', chosen);
    assert.ok(token);
  });

  test('a domain already taken is refused next to the domain field', async () => {
    const link = await customerInvitationLink(portal.server.url, reseller);
    const page = await openLink(link);
    await page.getByRole('button', { name: en['invitation.signedOut.signUp'] }).click();
    const fields = {
      'addCustomer.field.companyName': 'Adatum Again',
      'addCustomer.field.domain': 'adatum', // the demo's Adatum Corporation has it
      'addCustomer.field.firstName': 'Ann',
      'addCustomer.field.lastName': 'Lee',
      'addCustomer.field.email': 'ann@adatumagain.example',
      'addCustomer.field.addressLine1': '1 Main St',
      'addCustomer.field.city': 'Redmond',
      'addCustomer.field.postalCode': '98052',
    };
    for (const [key, value] of Object.entries(fields)) await page.getByLabel(en[key]).fill(value);
    await page.getByLabel(en['invitation.signup.password']).fill('Adatum-Again!2026');
    await page.getByLabel(en['invitation.signup.confirmPassword']).fill('Adatum-Again!2026');
    await page.getByRole('button', { name: en['invitation.signup.submit'] }).click();
    await page.getByText(en['addCustomer.domain.taken']).waitFor();
    assert.equal(await page.getByRole('heading', { name: en['invitation.signup.done.title'] }).count(), 0);
    await page.context().close();
  });
});

describe('Invitation: decline, and users who cannot answer', () => {
  test('a signed-in Global admin (in Russian) declines: nothing changes', async () => {
    const { adminUserName } = await customerWithAdmin(
      portal.server.url,
      direct,
      'northwindtraders',
      'Northwind Traders',
    );
    const link = await customerInvitationLink(portal.server.url, reseller, { delegatedAdmin: true });
    const page = await portal.newPage();
    await page.getByLabel(en['shell.language']).selectOption('ru');
    await signIn(page, adminUserName, PASSWORD, ru);
    await heading(page, ru['invitation.partners.title']).waitFor(); // a customer admin's home
    await page.goto(`${portal.server.url}/${new URL(link).hash}`);
    await page.getByText(fill(ru['invitation.invites.reseller'], { name: reseller.name })).waitFor();
    await page.getByRole('button', { name: ru['invitation.decline'] }).click();
    await page.getByRole('heading', { name: ru['invitation.declined.title'] }).waitFor();
    await page.getByText(fill(ru['invitation.declined.body'], { name: reseller.name })).waitFor();
    await page.context().close();
    const partners = await customerPartners(adminUserName);
    assert.deepEqual(
      partners.map((p) => p.name),
      [direct.name],
    );
  });

  test('a customer user who is not the Global admin sees why Accept is disabled; the API refuses too', async () => {
    const { customer, token } = await customerWithAdmin(portal.server.url, direct, 'margiestravel', 'Margies Travel');
    const userName = await customerNonAdminUser(
      portal.server.url,
      token,
      customer.id,
      'megan.bowen@margiestravel.onmicrosoft.com',
    );
    const link = await customerInvitationLink(portal.server.url, reseller, { delegatedAdmin: true });
    const page = await openLink(link);
    await page.getByRole('button', { name: en['invitation.signedOut.signIn'] }).click();
    await signIn(page, userName);
    await page.getByText(en['invitation.notAdmin']).waitFor();
    await page.getByText(en['invitation.link.adminRights.yes']).waitFor(); // what the link says, at least
    const accept = page.getByRole('button', { name: en['invitation.accept'] });
    assert.equal(await accept.isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: en['invitation.decline'] }).isDisabled(), true);
    assert.equal(await accept.getAttribute('aria-describedby'), 'invitation-not-admin');
    // Not the Global admin: no Partners entry in the menu either.
    const menu = page.getByRole('navigation', { name: en['shell.nav.label'] });
    assert.equal(await menu.getByRole('link', { name: en['invitation.partners.nav'] }).count(), 0);
    await page.goto(`${portal.server.url}/organization/partners`);
    await page.getByText(en['invitation.partners.notAdmin']).waitFor();
    await page.context().close();

    const q = new URL(link).hash.split('?')[1];
    const fields = Object.fromEntries(new URLSearchParams(q));
    const res = await fetch(`${portal.server.url}/v1/customertenant/invitations/accept`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await customerUserToken(portal.server.url, userName)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(fields),
    });
    assert.equal(res.status, 403);
  });

  test('a partner user who opens the link is told it is for customers', async () => {
    const link = await customerInvitationLink(portal.server.url, reseller);
    const page = await openLink(link);
    await page.getByRole('button', { name: en['invitation.signedOut.signIn'] }).click();
    await signInAs(page, provider, 'AdminAgent');
    const user = provider.users.find((u) => u.role === 'AdminAgent').userPrincipalName;
    await page.getByText(fill(en['invitation.partnerUser'], { user })).waitFor();
    assert.equal(await page.getByRole('button', { name: en['invitation.accept'] }).count(), 0);
    await page.context().close();
  });
});

describe('Invitation: links that cannot be accepted', () => {
  test('an incomplete link, and one naming no active partner, say so', async () => {
    let page = await openLink(`${portal.server.url}/#/customer-invitations?invType=ResellerRelationship`);
    await page.getByRole('alert').filter({ hasText: en['errors.code.700205'] }).waitFor();
    assert.equal(await page.getByRole('button', { name: en['invitation.signedOut.signIn'] }).count(), 0);
    await page.context().close();

    const { adminUserName } = await customerWithAdmin(
      portal.server.url,
      direct,
      'graphicdesign',
      'Graphic Design Institute',
    );
    const unknown = '99999999-9999-4999-8999-999999999999';
    page = await openLink(
      `${portal.server.url}/#/customer-invitations?invType=ResellerRelationship&partnerId=${unknown}&msppId=0&DAP=true`,
    );
    await page.getByRole('button', { name: en['invitation.signedOut.signIn'] }).click();
    await signIn(page, adminUserName);
    await page.getByRole('alert').filter({ hasText: en['errors.code.700205'] }).waitFor();
    assert.equal(await page.getByRole('button', { name: en['invitation.accept'] }).count(), 0);
    await page.context().close();
  });

  test('a partner of another country: Accept is disabled with the reason; Decline still works', async () => {
    const german = await enrollPartner(portal.server.url, portal.demo, {
      name: 'Litware GmbH',
      country: 'DE',
      programs: ['direct_bill'],
      mpnId: '5000005',
      domain: 'litwaregmbh',
    });
    const { adminUserName } = await customerWithAdmin(portal.server.url, direct, 'bluevalley', 'Blue Valley Farms');
    // The link holds no secret: it is the partner's ID and what it asks for.
    const page = await openLink(
      `${portal.server.url}/#/customer-invitations?invType=ResellerRelationship&partnerId=${german.tenantId}&msppId=0&DAP=false`,
    );
    await page.getByRole('button', { name: en['invitation.signedOut.signIn'] }).click();
    await signIn(page, adminUserName);
    await page.getByText(fill(en['invitation.invites.reseller'], { name: 'Litware GmbH' })).waitFor();
    await page.getByText(en['errors.code.700206']).waitFor();
    const accept = page.getByRole('button', { name: en['invitation.accept'] });
    assert.equal(await accept.isDisabled(), true);
    assert.equal(await accept.getAttribute('aria-describedby'), 'invitation-blocked');
    await page.getByRole('button', { name: en['invitation.decline'] }).click();
    await page.getByRole('heading', { name: en['invitation.declined.title'] }).waitFor();
    await page.context().close();
  });
});

describe('Partners: remove admin rights', () => {
  test('at phone width, by keyboard: Cancel keeps them, Remove admin rights removes them', async () => {
    const { customer, adminUserName } = await customerWithAdmin(
      portal.server.url,
      direct,
      'wideworldimporters',
      'Wide World Importers',
    );
    const page = await portal.newPage({ width: 375, height: 740 });
    await signIn(page, adminUserName);
    await heading(page, en['invitation.partners.title']).waitFor();
    const card = page.getByRole('article', { name: direct.name });
    await card.getByText(en['invitation.partners.adminRights.yes'], { exact: true }).waitFor();
    // Nothing wider than the phone's screen.
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 375);

    const remove = card.getByRole('button', { name: en['invitation.partners.remove'] });
    await remove.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', {
      name: fill(en['invitation.partners.confirm.title'], { name: direct.name }),
    });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await customerPartners(adminUserName))[0].delegatedAdmin, true);

    await remove.click();
    await dialog.getByRole('button', { name: en['invitation.partners.confirm.remove'] }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: fill(en['invitation.partners.removed'], { name: direct.name }) })
      .waitFor();
    await card.getByText(en['invitation.partners.adminRights.no'], { exact: true }).waitFor();
    assert.equal(await remove.count(), 0);
    await page.context().close();

    // The partner keeps its relationship but can no longer administer the customer's users.
    const [partner] = await customerPartners(adminUserName);
    assert.equal(partner.relationship, 'reseller');
    assert.equal(partner.delegatedAdmin, false);
    const res = await fetch(`${portal.server.url}/v1/customers/${customer.id}/users`, {
      headers: { Authorization: `Bearer ${await adminToken(portal.server.url, direct)}` },
    });
    assert.equal(res.status, 403);
  });

  test('in Russian: rights removed meanwhile elsewhere are reported in the dialog, and the list catches up', async () => {
    const { adminUserName } = await customerWithAdmin(portal.server.url, direct, 'trey', 'Trey Research');
    const page = await portal.newPage();
    await page.getByLabel(en['shell.language']).selectOption('ru');
    await signIn(page, adminUserName, PASSWORD, ru);
    const card = page.getByRole('article', { name: direct.name });
    await card.getByText(ru['invitation.partners.adminRights.yes'], { exact: true }).waitFor();

    // Another admin removes them through the API while this page still shows them.
    const res = await fetch(`${portal.server.url}/v1/customertenant/partners/${direct.tenantId}/delegatedadmin`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${await customerUserToken(portal.server.url, adminUserName)}` },
    });
    assert.equal(res.status, 204);
    await card.getByRole('button', { name: ru['invitation.partners.remove'] }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: ru['invitation.partners.confirm.remove'] }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: fill(ru['invitation.partners.error.notHeld'], { name: direct.name }) })
      .waitFor();
    await dialog.getByRole('button', { name: ru['invitation.partners.confirm.cancel'] }).click();
    await card.getByText(ru['invitation.partners.adminRights.no'], { exact: true }).waitFor();
    await page.context().close();
  });
});
