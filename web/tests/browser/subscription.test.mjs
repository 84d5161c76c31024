// Subscription details in a real browser: each setting changed through the page and read back
// through the API, the suspension's expiry date, an API error next to its control, and a role
// that may not change the support contact (in Traditional Chinese).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { customerWithE3 } from './support/api.mjs';
import { en, fill, heading, openCustomerLink, usePortal, zh } from './support/portal.mjs';

const portal = usePortal();
const { provider, reseller } = portal;
async function subscribedCustomer(domain, name) {
  const url = portal.server.url;
  const { customer, token, order } = await customerWithE3(url, provider, domain, name, 7);
  const read = async () => {
    const res = await fetch(`${url}/v1/customers/${customer.id}/subscriptions/${order.lineItems[0].subscriptionId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return res.json();
  };
  return { customer, read };
}

/** Signs in, and goes from the customer's row to the subscription's details. */
async function openSubscription(role, name, t = en) {
  const page = await openCustomerLink(portal, role, name, 'customers.links.subscriptions', t);
  await page.getByRole('link', { name: 'Office Enterprise E3' }).click();
  await heading(page, 'Office Enterprise E3').waitFor();
  return page;
}

const setting = (page, title) => page.getByRole('region', { name: title });

describe('Subscription details', () => {
  test('a provider changes quantity, name, auto-renew, status, reseller and support contact', async () => {
    const { read } = await subscribedCustomer('northwindtraders', 'Northwind Traders');
    const page = await openSubscription('GlobalAdmin', 'Northwind Traders');

    const quantity = setting(page, en['customer.subscriptions.quantity']);
    await quantity.getByLabel(en['customer.details.quantityLabel']).fill('9');
    await quantity.getByRole('button', { name: en['customer.details.quantitySave'] }).click();
    await quantity
      .getByRole('button', { name: en['customer.details.quantitySave'] })
      .and(page.locator('[disabled]'))
      .waitFor();
    assert.equal((await read()).quantity, 9);

    // The API's refusal shows next to the control it concerns, in the user's language.
    await quantity.getByLabel(en['customer.details.quantityLabel']).fill('999999');
    await quantity.getByRole('button', { name: en['customer.details.quantitySave'] }).click();
    await quantity.getByRole('alert').filter({ hasText: en['errors.code.2002'] }).waitFor();
    assert.equal((await read()).quantity, 9);

    const name = setting(page, en['customer.details.friendlyName']);
    await name.getByLabel(en['customer.details.friendlyNameLabel']).fill('Sales team');
    await name.getByRole('button', { name: en['customer.details.friendlyNameSave'] }).click();
    await heading(page, 'Sales team').waitFor();

    const autoRenew = page.getByRole('switch', { name: en['customer.details.autoRenewLabel'] });
    const before = (await read()).autoRenewEnabled;
    await autoRenew.click();
    await page.waitForFunction((b) => document.querySelector('[role=switch]')?.checked !== b, before);
    assert.equal((await read()).autoRenewEnabled, !before);

    const status = setting(page, en['customer.subscriptions.status']);
    await status.getByRole('button', { name: en['customer.details.suspend'] }).click();
    await status.getByRole('button', { name: en['customer.details.reactivate'] }).waitFor();
    const suspended = await read();
    assert.equal(suspended.status, 'suspended');
    const expiry = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(
      new Date(suspended.suspensionExpiryDate),
    );
    await status.getByText(expiry, { exact: false }).waitFor();
    assert.equal(await quantity.getByLabel(en['customer.details.quantityLabel']).isDisabled(), true);
    await status.getByRole('button', { name: en['customer.details.reactivate'] }).click();
    await status.getByRole('button', { name: en['customer.details.suspend'] }).waitFor();
    assert.equal((await read()).status, 'active');

    const record = setting(page, en['customer.details.reseller']);
    await record.getByLabel(en['customer.details.resellerLabel']).selectOption({ label: reseller.name });
    await record.getByRole('button', { name: en['customer.details.resellerSave'] }).click();
    await record
      .getByRole('button', { name: en['customer.details.resellerSave'] })
      .and(page.locator('[disabled]'))
      .waitFor();
    const withReseller = await read();
    assert.ok(withReseller.partnerId, 'reseller of record set');

    const support = setting(page, en['customer.details.support']);
    await support.getByLabel(en['customer.details.supportLabel']).selectOption({ label: reseller.name });
    await support.getByRole('button', { name: en['customer.details.supportSave'] }).click();
    await support
      .getByText(fill(en['customer.details.supportCurrent'], { name: reseller.name, mpnId: withReseller.partnerId }))
      .waitFor();
    await page.context().close();
  });

  test('a sales agent (in Traditional Chinese) may not change the support contact: disabled, with the reason', async () => {
    await subscribedCustomer('graphicdesigninst', 'Graphic Design Institute');
    const page = await openSubscription('SalesAgent', 'Graphic Design Institute', zh);
    const support = setting(page, zh['customer.details.support']);
    assert.equal(await support.getByLabel(zh['customer.details.supportLabel']).isDisabled(), true);
    assert.equal(await support.getByRole('button', { name: zh['customer.details.supportSave'] }).isDisabled(), true);
    await support.getByText(zh['customer.details.roleReason']).waitFor();
    // What the role may do stays enabled.
    const quantity = setting(page, zh['customer.subscriptions.quantity']);
    assert.equal(await quantity.getByLabel(zh['customer.details.quantityLabel']).isDisabled(), false);
    await page.context().close();
  });
});
