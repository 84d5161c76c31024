// The Customer page's Customer agreement (Account tab), in a real browser: an order for a customer
// without an attested Microsoft Customer Agreement is refused with a link to the section; the
// provider attests there (a server refusal shows next to its field), and the order then goes
// through; an indirect reseller sees the form disabled with the reason, a Helpdesk agent only the
// list; a Sales agent attests in Russian. Customers are made through the API without an
// attestation (POST /v1/customers attests nothing; the Add customer wizard does at submit).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { adminToken, customerWithAdmin, demoUser, newCustomer, post } from './support/api.mjs';
import { en, fill, heading, openCustomerLink, ru, signInAs, usePortal } from './support/portal.mjs';

const portal = usePortal();
const { provider, reseller } = portal;

/** The texts an input is described by (its hint and the message under it). */
async function describedText(input) {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = [];
  for (const id of ids) texts.push((await input.page().locator(`[id="${id}"]`).textContent()) ?? '');
  return texts.join(' ');
}

async function startOrder(page, t = en) {
  await page.getByRole('button', { name: t['customer.subscriptions.add'] }).click();
  await page.getByRole('checkbox', { name: 'Office Business Basic', exact: true }).check();
  await page.getByLabel(fill(t['addCustomer.subscriptions.quantity'], { offer: 'Office Business Basic' })).fill('3');
  await page.getByRole('button', { name: t['customer.subscriptions.order'] }).click();
}

async function agreementsOf(customerId) {
  const token = await adminToken(portal.server.url, provider);
  const res = await fetch(`${portal.server.url}/v1/customers/${customerId}/agreements`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200);
  return (await res.json()).items;
}

describe('Customer agreement', () => {
  test('an order without the agreement links to the section; the provider attests there and the order goes through', async () => {
    const { customer } = await customerWithAdmin(portal.server.url, provider, 'litwareagree', 'Litware Agree');
    const page = await openCustomerLink(portal, 'GlobalAdmin', 'Litware Agree', 'customers.links.subscriptions');

    // Before the attestation: the order is refused, with the way to fix it next to the message.
    await startOrder(page);
    await page.getByText(en['errors.code.13605']).waitFor();
    await page.getByRole('link', { name: en['customer.subscriptions.toAgreement'] }).click();
    assert.match(page.url(), /\/customers\/[^/]+\/account#customer-agreement$/);
    await page.getByRole('heading', { name: en['customer.agreement.title'] }).waitFor();
    await page.getByText(en['customer.agreement.none']).waitFor();
    // The section takes the focus, for keyboard and screen-reader users.
    await page.waitForFunction(() => document.activeElement?.id === 'customer-agreement');

    // Nothing is sent without the confirmation box and the required fields.
    await page.getByRole('button', { name: en['customer.agreement.submit'] }).click();
    await page.getByText(en['customer.agreement.error.attest']).waitFor();
    assert.equal((await agreementsOf(customer.id)).length, 0);

    // The date agreed defaults to today and cannot be later.
    const date = page.getByLabel(en['customer.agreement.dateAgreed']);
    assert.match(await date.inputValue(), /^\d{4}-\d{2}-\d{2}$/);

    // The server's refusal of a field (an address on the partner's own domain) shows under it.
    const ownDomain = demoUser(provider, 'GlobalAdmin').userPrincipalName.split('@')[1];
    await page.getByLabel(en['customer.agreement.firstName']).fill('Megan');
    await page.getByLabel(en['customer.agreement.lastName']).fill('Bowen');
    const email = page.getByLabel(en['customer.agreement.email']);
    await email.fill(`megan@${ownDomain}`);
    await page.getByLabel(en['customer.agreement.phoneNumber']).fill('+1 425 555 0100');
    await page.getByRole('checkbox', { name: en['customer.agreement.attest'] }).check();
    await page.getByRole('button', { name: en['customer.agreement.submit'] }).click();
    await page.getByText(en['customer.agreement.error.ownDomain']).waitFor();
    assert.match(await describedText(email), new RegExp(en['customer.agreement.error.ownDomain']));
    assert.equal((await agreementsOf(customer.id)).length, 0);

    // Corrected: confirmed, and listed.
    await email.fill('megan@litwareagree.example');
    await page.getByRole('button', { name: en['customer.agreement.submit'] }).click();
    await page.getByText(en['customer.agreement.saved']).waitFor();
    const list = page.getByRole('list', { name: en['customer.agreement.listLabel'] });
    await list.getByText(/Megan Bowen \(megan@litwareagree\.example\)/).waitFor();
    await list.getByText(en['customer.agreement.byYou'], { exact: false }).waitFor();
    const [agreement] = await agreementsOf(customer.id);
    assert.equal(agreement.primaryContact.phoneNumber, '+1 425 555 0100');
    assert.equal(agreement.type, 'MicrosoftCustomerAgreement');

    // The same contact again: the server's refusal in the user's words.
    await page.getByLabel(en['customer.agreement.firstName']).fill('Megan');
    await page.getByLabel(en['customer.agreement.lastName']).fill('Bowen');
    await email.fill('megan@litwareagree.example');
    await page.getByLabel(en['customer.agreement.phoneNumber']).fill('+1 425 555 0100');
    await page.getByRole('checkbox', { name: en['customer.agreement.attest'] }).check();
    await page.getByRole('button', { name: en['customer.agreement.submit'] }).click();
    await page.getByText(en['errors.code.600061']).waitFor();

    // Now the order goes through.
    await page.getByRole('tab', { name: en['customer.tab.subscriptions'] }).click();
    await startOrder(page);
    await page
      .getByRole('table', { name: en['customer.tab.subscriptions'] })
      .getByRole('row')
      .filter({ hasText: 'Office Business Basic' })
      .waitFor();
    await page.context().close();
  });

  test("an indirect reseller sees the form disabled with the reason; a Helpdesk agent sees the list and its role's reason", async () => {
    const token = await adminToken(portal.server.url, provider);
    await post(portal.server.url, token, '/v1/customers', {
      ...newCustomer('wingtipagree', 'Wingtip Agree'),
      associatedPartnerId: reseller.tenantId,
    });

    const page = await portal.newPage();
    await signInAs(page, reseller, 'GlobalAdmin');
    await heading(page, en['customers.title']).waitFor();
    await page.getByLabel(en['customers.search.label']).fill('Wingtip Agree');
    await page.getByRole('button', { name: en['customers.search.submit'] }).click();
    await page.getByRole('button', { name: fill(en['customers.table.details'], { name: 'Wingtip Agree' }) }).click();
    await page.getByRole('link', { name: en['customers.links.account'] }).click();
    await page.getByRole('heading', { name: en['customer.agreement.title'] }).waitFor();
    await page.getByText(en['customer.agreement.programReason']).waitFor();
    assert.equal(await page.getByRole('button', { name: en['customer.agreement.submit'] }).isDisabled(), true);
    assert.equal(await page.getByLabel(en['customer.agreement.email']).isDisabled(), true);
    await page.context().close();

    const helpdesk = await openCustomerLink(portal, 'HelpdeskAgent', 'Wingtip Agree', 'customers.links.account');
    await helpdesk.getByRole('heading', { name: en['customer.agreement.title'] }).waitFor();
    await helpdesk.getByText(en['customer.agreement.roleReason']).waitFor();
    assert.equal(await helpdesk.getByRole('button', { name: en['customer.agreement.submit'] }).count(), 0);
    await helpdesk.context().close();
  });

  test('a Sales agent attests in Russian at phone width, by keyboard', async () => {
    const { customer } = await customerWithAdmin(
      portal.server.url,
      provider,
      'fourthcoffeeagree',
      'Fourth Coffee Agree',
    );
    const page = await openCustomerLink(portal, 'SalesAgent', 'Fourth Coffee Agree', 'customers.links.account', ru);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: ru['customer.agreement.title'] }).waitFor();
    await page.getByText(ru['customer.agreement.none']).waitFor();

    // A date in the future is refused before sending.
    const date = page.getByLabel(ru['customer.agreement.dateAgreed']);
    await date.fill('2099-01-01');
    await page.getByText(ru['customer.agreement.error.future']).waitFor();
    await date.fill('2026-11-20');

    await page.getByLabel(ru['customer.agreement.firstName']).focus();
    await page.keyboard.type('Ольга');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Иванова');
    await page.keyboard.press('Tab');
    await page.keyboard.type('olga@fourthcoffee.example');
    await page.getByRole('checkbox', { name: ru['customer.agreement.attest'] }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: ru['customer.agreement.submit'] }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(ru['customer.agreement.saved']).waitFor();
    const item = page.getByRole('list', { name: ru['customer.agreement.listLabel'] }).getByRole('listitem');
    const text = await item.textContent();
    assert.match(text, /Ольга Иванова \(olga@fourthcoffee\.example\)/);
    // The date in Russian: "20 ноября 2026 г."
    assert.match(text, /20 ноября 2026/);
    // Nothing wider than the phone's screen (the tabs wrap).
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(-5)
        .map((e) => `${e.tagName}: ${e.textContent.slice(0, 40)}`)
        .join(' '),
    );
    assert.equal(wide, '');
    const [agreement] = await agreementsOf(customer.id);
    assert.match(agreement.dateAgreed, /^2026-11-20/);
    await page.context().close();
  });
});
