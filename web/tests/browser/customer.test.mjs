// The Customer page in a real browser: from a customer row's quick link to its Subscriptions
// (list, export, Add subscription) and Account (billing profile with its ETag, Remove customer
// relationship, refused while subscriptions are active), and what a helpdesk agent does not see.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { customerWithE3 } from './support/api.mjs';
import { en, fill, heading, openCustomerLink, ru, usePortal } from './support/portal.mjs';

const portal = usePortal();
const { provider } = portal;
/** A customer of the provider, with `quantity` E3 licenses when quantity > 0. */
async function customerWith(domain, name, quantity) {
  const made = await customerWithE3(portal.server.url, provider, domain, name, quantity);
  return { ...made.customer, token: made.token };
}

const openCustomer = (role, name, link, t = en) => openCustomerLink(portal, role, name, link, t);

const subscriptionRows = (page) => page.getByRole('table', { name: en['customer.tab.subscriptions'] }).getByRole('row');

describe('Customer: subscriptions', () => {
  test('a provider sees the subscriptions, exports them and adds one', async () => {
    await customerWith('tailspintoys', 'Tailspin Toys', 7);
    const page = await openCustomer('GlobalAdmin', 'Tailspin Toys', 'customers.links.subscriptions');
    assert.equal(
      await page.getByRole('tab', { name: en['customer.tab.subscriptions'] }).getAttribute('aria-selected'),
      'true',
    );
    await subscriptionRows(page).filter({ hasText: 'Office Enterprise E3' }).filter({ hasText: '7' }).waitFor();
    assert.equal(await subscriptionRows(page).count(), 2); // header + one

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: en['customer.subscriptions.export'] }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv.split('\r\n')[0], new RegExp(`^${en['customer.subscriptions.offer']},`));
    assert.match(csv, /Office Enterprise E3,7,Active,/);

    // Add subscription, with the wizard's line editor: one order, and the list shows it.
    await page.getByRole('button', { name: en['customer.subscriptions.add'] }).click();
    await page.getByRole('checkbox', { name: 'Office Business Basic', exact: true }).check();
    await page.getByLabel(fill(en['addCustomer.subscriptions.quantity'], { offer: 'Office Business Basic' })).fill('3');
    await page.getByRole('button', { name: en['customer.subscriptions.order'] }).click();
    await subscriptionRows(page).filter({ hasText: 'Office Business Basic' }).waitFor();
    assert.equal(await subscriptionRows(page).count(), 3);
    await page.context().close();
  });
});

describe('Customer: account', () => {
  test('the billing profile is updated with its ETag; a stale one is refused; field errors show', async () => {
    const customer = await customerWith('wingtipsails', 'Wingtip Sails', 0);
    const page = await openCustomer('AdminAgent', 'Wingtip Sails', 'customers.links.account');
    assert.equal(new URL(page.url()).pathname, `/customers/${customer.id}/account`);
    const city = page.getByLabel(en['addCustomer.field.city']);
    assert.equal(await city.inputValue(), 'Redmond');
    await city.fill('Bellevue');
    await page.getByRole('button', { name: en['customer.account.update'] }).click();
    await page.getByRole('status').filter({ hasText: en['customer.account.saved'] }).waitFor();
    const res = await fetch(`${portal.server.url}/v1/customers/${customer.id}/profiles/billing`, {
      headers: { Authorization: `Bearer ${customer.token}` },
    });
    const stored = await res.json();
    assert.equal(stored.defaultAddress.city, 'Bellevue');

    // A field the user typed wrong shows next to it; nothing is sent.
    await page.getByLabel(en['addCustomer.field.email']).fill('not-an-email');
    await page.getByText(en['addCustomer.error.email']).waitFor();
    await page.getByLabel(en['addCustomer.field.email']).fill('billing@wingtipsails.example');

    // Someone else changes it meanwhile: the page's ETag is stale, and the update is refused.
    const put = await fetch(`${portal.server.url}/v1/customers/${customer.id}/profiles/billing`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${customer.token}`,
        'Content-Type': 'application/json',
        'If-Match': res.headers.get('ETag'),
      },
      body: JSON.stringify({ ...stored, companyName: 'Wingtip Sails Ltd' }),
    });
    assert.equal(put.status, 200);
    await page.getByRole('button', { name: en['customer.account.update'] }).click();
    await page.getByRole('alert').filter({ hasText: en['errors.code.2055'] }).waitFor();
    await page.context().close();
  });

  test('removing the relationship is refused while a subscription is active, then done without', async () => {
    await customerWith('adventureworks', 'Adventure Works', 2);
    let page = await openCustomer('GlobalAdmin', 'Adventure Works', 'customers.links.account');
    await page.getByText(en['customer.remove.warning']).waitFor();
    await page.getByRole('button', { name: en['customer.remove.submit'] }).click();
    await page.getByRole('alert').filter({ hasText: en['errors.code.700207'] }).waitFor();
    await page.context().close();

    await customerWith('proseware', 'Proseware', 0);
    page = await openCustomer('GlobalAdmin', 'Proseware', 'customers.links.account');
    await page.getByRole('button', { name: en['customer.remove.submit'] }).click();
    await heading(page, en['customers.title']).waitFor();
    await page.getByLabel(en['customers.search.label']).fill('Proseware');
    await page.getByRole('button', { name: en['customers.search.submit'] }).click();
    await page.getByText(en['customers.empty']).waitFor();
    await page.context().close();
  });

  test('a helpdesk agent (in Russian) sees no Remove customer relationship', async () => {
    await customerWith('lucernepublishing', 'Lucerne Publishing', 0);
    const page = await openCustomer('HelpdeskAgent', 'Lucerne Publishing', 'customers.links.account', ru);
    await page.getByRole('button', { name: ru['customer.account.update'] }).waitFor();
    assert.equal(await page.getByRole('button', { name: ru['customer.remove.submit'] }).count(), 0);
    assert.equal(await page.getByText(ru['customer.remove.warning']).count(), 0);
    await page.getByRole('tab', { name: ru['customer.tab.subscriptions'] }).click();
    await page.getByText(ru['customer.subscriptions.empty']).waitFor();
    await page.context().close();
  });
});
