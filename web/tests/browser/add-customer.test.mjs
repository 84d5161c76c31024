// Add customer in a real browser: field errors as the user types, the live domain check,
// subscriptions with a reseller per line (a provider), review with Update, Submit, the
// temporary password shown once with a copy button, Done; Cancel creates nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { adminToken } from './support/api.mjs';
import { en, fill, heading, signInAs, usePortal, zh } from './support/portal.mjs';

const portal = usePortal();
const { provider, reseller } = portal;

async function openWizard(page, t = en) {
  await signInAs(page, provider, 'GlobalAdmin', t);
  await page.getByRole('button', { name: t['customers.add'] }).click();
  await heading(page, fill(t['addCustomer.title'], { step: t['addCustomer.step.account'] })).waitFor();
}

async function fillAccount(page, domain, t = en) {
  const field = (key) => page.getByLabel(t[key], { exact: false });
  await field('addCustomer.field.companyName').fill('Fabrikam Bikes');
  await field('addCustomer.field.domain').fill(domain);
  await field('addCustomer.field.firstName').fill('Jonas');
  await field('addCustomer.field.lastName').fill('Berg');
  await field('addCustomer.field.email').fill('jonas@fabrikambikes.example');
  await field('addCustomer.field.addressLine1').fill('1 Harbor Way');
  await field('addCustomer.field.city').fill('Seattle');
  await field('addCustomer.field.state').fill('WA');
  await field('addCustomer.field.postalCode').fill('98101');
}

async function customerCount(domainPrefix) {
  const token = await adminToken(portal.server.url, provider);
  const filter = JSON.stringify({ Field: 'Domain', Value: domainPrefix, Operator: 'starts_with' });
  const res = await fetch(`${portal.server.url}/v1/customers?filter=${encodeURIComponent(filter)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return (await res.json()).totalCount;
}

describe('Add customer', () => {
  test('a provider adds a customer for a reseller with two subscriptions and reads the password once', async () => {
    const page = await portal.newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal.server.url });
    await openWizard(page);

    // Field errors as the user types; the live domain check.
    const email = page.getByLabel(en['addCustomer.field.email'], { exact: false });
    await email.fill('not-an-address');
    await page.getByText(en['addCustomer.error.email']).waitFor();
    const domain = page.getByLabel(en['addCustomer.field.domain'], { exact: false });
    await domain.fill('wingtiptoys');
    await page.getByText(en['addCustomer.domain.taken']).waitFor();
    await domain.fill('bad domain!');
    await page.getByText(en['addCustomer.error.domain']).waitFor();
    // Next with errors stays, and shows every missing field.
    await page.getByRole('button', { name: en['addCustomer.next.subscriptions'] }).click();
    assert.ok((await page.getByText(en['addCustomer.error.required']).count()) >= 5);

    await fillAccount(page, 'fabrikambikes');
    await page.getByText(en['addCustomer.domain.free']).waitFor();
    await page.getByLabel(en['addCustomer.field.reseller']).selectOption({ label: reseller.name });
    await page.getByRole('button', { name: en['addCustomer.next.subscriptions'] }).click();

    // Two subscriptions, one with the reseller on record.
    await page.getByRole('checkbox', { name: 'Office Enterprise E3' }).check();
    await page.getByLabel(fill(en['addCustomer.subscriptions.quantity'], { offer: 'Office Enterprise E3' })).fill('25');
    await page
      .getByLabel(fill(en['addCustomer.subscriptions.reseller'], { offer: 'Office Enterprise E3' }))
      .selectOption({ label: reseller.name });
    await page.getByRole('checkbox', { name: 'Office Business Basic', exact: true }).check();
    await page
      .getByLabel(fill(en['addCustomer.subscriptions.quantity'], { offer: 'Office Business Basic' }))
      .fill('10');
    await page.getByRole('button', { name: en['addCustomer.next.review'] }).click();

    // Review, with Update back to a step and forward again.
    await page.getByText('fabrikambikes.onmicrosoft.com').waitFor();
    await page.getByText(/Office Enterprise E3: 25 licenses/).waitFor();
    await page.getByRole('button', { name: en['addCustomer.review.update'] }).first().click();
    await page.getByLabel(en['addCustomer.field.companyName'], { exact: false }).fill('Fabrikam Bikes Ltd');
    await page.getByRole('button', { name: en['addCustomer.next.subscriptions'] }).click();
    await page.getByRole('button', { name: en['addCustomer.next.review'] }).click();
    await page.getByText('Fabrikam Bikes Ltd').waitFor();
    await page.getByRole('button', { name: en['addCustomer.submit'] }).click();

    // Confirmation: the admin and the temporary password, once.
    await heading(page, en['addCustomer.step.done']).waitFor();
    await page.getByText(en['addCustomer.done.warning']).waitFor();
    const userName = await page.getByLabel(en['addCustomer.done.userName']).inputValue();
    const password = await page.getByLabel(en['addCustomer.done.password']).inputValue();
    assert.equal(userName, 'admin@fabrikambikes.onmicrosoft.com');
    assert.ok(password.length >= 12, password);
    assert.equal(await page.getByRole('alert').count(), 0, 'the order went through');
    await page.getByRole('button', { name: en['addCustomer.done.copy'] }).click();
    await page.getByText(en['addCustomer.done.copied']).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${userName}\n${password}`);
    await page.getByRole('button', { name: en['addCustomer.done.done'] }).click();
    await heading(page, en['customers.title']).waitFor();

    // The customer exists for the reseller too, with both subscriptions; its admin signs in.
    const token = await adminToken(portal.server.url, provider);
    const list = await (
      await fetch(`${portal.server.url}/v1/customers?size=100`, { headers: { Authorization: `Bearer ${token}` } })
    ).json();
    const customer = list.items.find((c) => c.companyProfile.domain === 'fabrikambikes.onmicrosoft.com');
    assert.equal(customer.associatedPartnerId, reseller.tenantId);
    const subs = await (
      await fetch(`${portal.server.url}/v1/customers/${customer.id}/subscriptions`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json();
    assert.equal(subs.totalCount, 2);
    const e3 = subs.items.find((s) => s.offerId === '6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4004');
    assert.equal(e3.quantity, 25);
    assert.equal(e3.partnerId, reseller.mpnId);
    await page.context().close();
  });

  test('Cancel creates nothing, in Traditional Chinese', async () => {
    const page = await portal.newPage();
    await page.getByLabel(en['shell.language']).selectOption('zh-TW');
    await openWizard(page, zh);
    await fillAccount(page, 'cancelledcustomer', zh);
    await page.getByRole('button', { name: zh['addCustomer.next.subscriptions'] }).click();
    await page.getByRole('button', { name: zh['addCustomer.next.review'] }).click();
    await page.getByText(zh['addCustomer.review.noSubscriptions']).waitFor();
    await page.getByRole('button', { name: zh['addCustomer.cancel'] }).click();
    await heading(page, zh['customers.title']).waitFor();
    assert.equal(await customerCount('cancelledcustomer'), 0);
    await page.context().close();
  });
});
