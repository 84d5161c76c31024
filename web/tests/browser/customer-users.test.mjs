// The Customer page's Upload users, Licenses and Customer permissions in a real browser: a CSV
// with good and bad rows gives per-row results, its users appear and their passwords download
// once; a file of the wrong shape is refused whole; licenses are assigned and removed with the
// counts moving, and the server's refusals show next to the product; the self-serve policy is
// toggled and read back through the API; roles and partners that cannot act see why.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { adminToken, customerWithE3, newCustomer, post } from './support/api.mjs';
import { en, fill, heading, openCustomerLink, ru, signInAs, startsWith, usePortal, zh } from './support/portal.mjs';

const portal = usePortal();
const { provider, reseller } = portal;

const userRows = (page, t = en) => page.getByRole('table', { name: t['customer.tab.users'] }).getByRole('row');

/** `message` with its {name} and {name, number} placeholders filled in (numbers as en-US writes them). */
const format = (message, values) => message.replace(/\{(\w+)(?:, number)?\}/g, (_, name) => String(values[name]));

/** The text of a message before its first placeholder: what a person reads first. */
const prefix = (message) => message.slice(0, message.indexOf('{'));

async function api(path, token, init = {}) {
  const res = await fetch(`${portal.server.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });
  assert.ok(res.ok, `${path}: ${res.status} ${await res.clone().text()}`);
  return res.status === 204 ? null : res.json();
}

const csv = (lines) => Buffer.from(lines.join('\r\n') + '\r\n');

async function openUpload(page, t = en) {
  await userRows(page, t).nth(1).waitFor(); // the customer's admin
  await page.getByRole('button', { name: t['customer.users.upload'] }).click();
  await page.getByRole('heading', { name: t['customer.upload.title'] }).waitFor();
}

async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

describe('Customer: Upload users', () => {
  test('good and bad rows: per-row results, the users listed, the passwords given once', async () => {
    const { customer, token } = await customerWithE3(
      portal.server.url,
      provider,
      'humongousins',
      'Humongous Insurance',
      0,
    );
    const page = await openCustomerLink(portal, 'GlobalAdmin', 'Humongous Insurance', 'customers.links.users');
    await openUpload(page);

    const template = await downloaded(page, () =>
      page.getByRole('button', { name: en['customer.upload.template'] }).click(),
    );
    assert.equal(template.text.trim(), 'First name,Last name,Display name,Email,Status update');

    await page.getByLabel(en['customer.upload.file']).setInputFiles({
      name: 'users.csv',
      mimeType: 'text/csv',
      buffer: csv([
        'First name,Last name,Display name,Email,Status update',
        'Megan,Bowen,Megan Bowen,megan@humongousins.onmicrosoft.com,',
        'Alex,Wilber,Alex Wilber,alex@humongousins.onmicrosoft.com,',
        'Eve,Other,Eve Other,eve@elsewhere.example,',
        'Nobody,Named,,noname@humongousins.onmicrosoft.com,',
      ]),
    });
    await page.getByLabel(en['customer.upload.location']).selectOption('GB');
    await page.getByRole('button', { name: en['customer.upload.submit'], exact: true }).click();

    const results = page.getByRole('table', { name: en['customer.upload.results'] }).getByRole('row');
    await results.nth(1).waitFor();
    assert.equal(await results.count(), 5); // header + 4
    const row = (email) => results.filter({ hasText: email });
    for (const email of ['megan@', 'alex@']) {
      assert.equal(await row(email).getByRole('cell').last().textContent(), en['customer.upload.rowCreated']);
    }
    for (const email of ['eve@', 'noname@']) {
      assert.match(
        await row(email).getByRole('cell').last().textContent(),
        startsWith(prefix(en['customer.upload.rowFailed'])),
      );
    }
    await page.getByRole('status').filter({ hasText: '2 users created, 2 rows not imported.' }).waitFor();

    // The users list was refreshed behind the results.
    await userRows(page).filter({ hasText: 'megan@humongousins.onmicrosoft.com' }).waitFor();
    await userRows(page).filter({ hasText: 'alex@humongousins.onmicrosoft.com' }).waitFor();
    const listed = await api(`/v1/customers/${customer.id}/users?size=100`, token);
    const megan = listed.items.find((u) => u.userPrincipalName === 'megan@humongousins.onmicrosoft.com');
    assert.equal(megan.usageLocation, 'GB');
    assert.equal(listed.items.length, 3);

    const status = await downloaded(page, () =>
      page.getByRole('button', { name: en['customer.upload.downloadResults'] }).click(),
    );
    assert.match(status.text, /megan@humongousins\.onmicrosoft\.com,Created/);
    assert.match(status.text, /eve@elsewhere\.example,[^\r\n]+/);

    // The passwords: once, each new user's, and they open the account; the second try is refused.
    await page.getByText(en['customer.upload.passwordsWarning']).waitFor();
    const passwords = await downloaded(page, () =>
      page.getByRole('button', { name: en['customer.upload.downloadPasswords'] }).click(),
    );
    const lines = passwords.text.trim().split(/\r?\n/);
    assert.equal(lines[0], 'userPrincipalName,temporaryPassword');
    assert.deepEqual(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
      ['alex@humongousins.onmicrosoft.com', 'megan@humongousins.onmicrosoft.com'],
    );
    const meganPassword = lines.find((l) => l.startsWith('megan@')).split(',')[1];
    const signIn = await fetch(`${portal.server.url}/humongousins.onmicrosoft.com/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'csphub-portal',
        username: 'megan@humongousins.onmicrosoft.com',
        password: meganPassword,
      }),
    });
    assert.equal(signIn.status, 200, await signIn.clone().text());
    await page.getByRole('status').filter({ hasText: en['customer.upload.passwordsTaken'] }).waitFor();

    await page.getByRole('button', { name: en['customer.upload.downloadPasswords'] }).click();
    await page.getByRole('alert').filter({ hasText: en['errors.code.700303'] }).waitFor();

    await page.getByRole('button', { name: en['customer.upload.done'] }).click();
    await page.getByRole('button', { name: en['customer.users.upload'] }).waitFor();
    await page.context().close();
  });

  test('in Traditional Chinese, at phone width: a file of the wrong shape is refused whole, nothing is created', async () => {
    const { customer, token } = await customerWithE3(
      portal.server.url,
      provider,
      'lucernepub',
      'Lucerne Publishing',
      0,
    );
    const page = await portal.newPage({ width: 390, height: 844 });
    await page.getByLabel(en['shell.language']).selectOption('zh-TW');
    await signInAs(page, provider, 'GlobalAdmin', zh);
    await heading(page, zh['customers.title']).waitFor();
    await page.goto(`${portal.server.url}/customers/${customer.id}/users`);
    await heading(page, 'Lucerne Publishing').waitFor();
    await openUpload(page, zh);

    // Upload without a file: the field says so; the file input is reached from the keyboard.
    await page.getByRole('button', { name: zh['customer.upload.submit'], exact: true }).click();
    await page.getByText(zh['customer.upload.fileRequired']).waitFor();
    await page.getByRole('button', { name: zh['customer.upload.template'] }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'file');

    await page.getByLabel(zh['customer.upload.file']).setInputFiles({
      name: 'users.csv',
      mimeType: 'text/csv',
      buffer: csv([
        'First name,Last name,Display name,Email,Phone',
        'Megan,Bowen,Megan Bowen,megan@lucernepub.onmicrosoft.com,555-0100',
      ]),
    });
    await page.getByRole('button', { name: zh['customer.upload.submit'], exact: true }).click();
    const refused = page.getByRole('alert').filter({ hasText: prefix(zh['customer.upload.refused']) });
    await refused.waitFor();
    assert.match(await refused.textContent(), /Phone/); // the server's reason, naming the column
    assert.equal(await page.getByRole('table', { name: zh['customer.upload.results'] }).count(), 0);

    const listed = await api(`/v1/customers/${customer.id}/users?size=100`, token);
    assert.deepEqual(
      listed.items.map((u) => u.userPrincipalName),
      ['admin@lucernepub.onmicrosoft.com'],
    );
    const wide = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .map((e) => `${e.tagName}.${e.className}:${Math.round(e.getBoundingClientRect().right)}`),
      );
    assert.deepEqual(await wide(), [], 'nothing wider than the phone');

    // The corrected file goes in; its results fit the phone too.
    await page.getByLabel(zh['customer.upload.file']).setInputFiles({
      name: 'users.csv',
      mimeType: 'text/csv',
      buffer: csv([
        'First name,Last name,Display name,Email',
        'Megan,Bowen,Megan Bowen,megan@lucernepub.onmicrosoft.com',
        'Eve,Other,Eve Other,eve.other.with.a.long.name@elsewhere.example',
      ]),
    });
    await page.getByRole('button', { name: zh['customer.upload.submit'], exact: true }).click();
    const results = page.getByRole('table', { name: zh['customer.upload.results'] });
    await results.getByRole('cell', { name: zh['customer.upload.rowCreated'] }).waitFor();
    assert.deepEqual(await wide(), [], 'the results fit the phone');
    await page.context().close();
  });
});

describe('Customer: licenses', () => {
  test('assigned and removed with the counts moving; none left and no usage location refused', async () => {
    const { customer, token } = await customerWithE3(portal.server.url, provider, 'woodgrovebank', 'Woodgrove Bank', 1);
    const users = `/v1/customers/${customer.id}/users`;
    const make = (name, usageLocation) =>
      post(portal.server.url, token, users, {
        userPrincipalName: `${name.toLowerCase()}@woodgrovebank.onmicrosoft.com`,
        displayName: name,
        ...(usageLocation ? { usageLocation } : {}),
      });
    const diego = await make('Diego', 'US');
    await make('Isaiah', 'US');
    await make('Nestor', '');
    const [sku] = (await api(`/v1/customers/${customer.id}/subscribedskus`, token)).items;
    const product = sku.productSku.name;

    const page = await openCustomerLink(portal, 'AdminAgent', 'Woodgrove Bank', 'customers.links.users');
    const openLicenses = async (name) => {
      await page.getByRole('button', { name: fill(en['customer.users.licensesOf'], { name }) }).click();
      const dialog = page.getByRole('dialog', { name: fill(en['customer.licenses.title'], { name }) });
      await dialog.getByRole('checkbox', { name: product }).waitFor();
      return dialog;
    };
    const units = (available, assigned) => format(en['customer.licenses.units'], { available, assigned, total: 1 });

    let dialog = await openLicenses('Diego');
    await dialog.getByText(units(1, 0)).waitFor();
    assert.equal(await dialog.getByText(en['customer.licenses.none']).count(), 1);
    await dialog.getByRole('checkbox', { name: product }).click(); // checked once the server took it
    await dialog.getByText(units(0, 1)).waitFor();
    assert.ok(await dialog.getByRole('checkbox', { name: product }).isChecked());
    await dialog.getByRole('list', { name: en['customer.licenses.held'] }).getByText(product).waitFor();
    const held = await api(`${users}/${diego.id}/licenses`, token);
    assert.deepEqual(
      held.items.map((l) => l.productSku.id),
      [sku.productSku.id],
    );
    await dialog.getByRole('button', { name: en['customer.licenses.close'] }).click();
    await dialog.waitFor({ state: 'detached' });

    // None left for Isaiah: the refusal shows under the product, and nothing changed.
    dialog = await openLicenses('Isaiah');
    await dialog.getByRole('checkbox', { name: product }).click();
    await dialog.getByRole('alert').filter({ hasText: en['errors.code.60012'] }).waitFor();
    assert.equal(await dialog.getByRole('checkbox', { name: product }).isChecked(), false);
    await dialog.getByRole('button', { name: en['customer.licenses.close'] }).click();

    // Nestor has no usage location.
    dialog = await openLicenses('Nestor');
    await dialog.getByRole('checkbox', { name: product }).click();
    await dialog.getByRole('alert').filter({ hasText: en['errors.code.700214'] }).waitFor();
    await dialog.getByRole('button', { name: en['customer.licenses.close'] }).click();

    // Removed from Diego, from the keyboard (the dialog opens on Close; the box is just before
    // it): the unit is available again.
    dialog = await openLicenses('Diego');
    await dialog.getByText(units(0, 1)).waitFor();
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'checkbox');
    await page.keyboard.press('Space');
    await dialog.getByText(units(1, 0)).waitFor();
    await dialog.getByText(en['customer.licenses.none']).waitFor();
    assert.equal((await api(`${users}/${diego.id}/licenses`, token)).items.length, 0);
    await page.context().close();
  });
});

describe('Customer: customer permissions', () => {
  const policies = (customerId, token) => api(`/v1/SelfServePolicy?entity_id=${customerId}`, token);

  test('in Russian, an Admin agent allows Azure reservations, then withdraws it', async () => {
    const { customer, token } = await customerWithE3(portal.server.url, provider, 'proseware', 'Proseware', 0);
    const page = await openCustomerLink(portal, 'AdminAgent', 'Proseware', 'customers.links.account', ru);
    await page.getByRole('heading', { name: ru['customer.permissions.title'] }).waitFor();
    const toggle = page.getByRole('switch', { name: ru['customer.permissions.reservations'] });
    assert.equal(await toggle.isChecked(), false);
    assert.equal((await policies(customer.id, token)).items.length, 0);

    await toggle.click();
    await page.getByRole('status').filter({ hasText: ru['customer.permissions.saved'] }).waitFor();
    assert.ok(await toggle.isChecked());
    const [policy] = (await policies(customer.id, token)).items;
    assert.deepEqual(policy.permissions, [{ resource: 'AzureReservedInstances', action: 'Purchase' }]);
    assert.equal(policy.selfServeEntity.tenantID, customer.id);

    // It stays on when the page is read again.
    await page.reload();
    await page.getByRole('switch', { name: ru['customer.permissions.reservations'] }).waitFor();
    assert.ok(await toggle.isChecked());

    await toggle.click();
    await page.getByRole('status').filter({ hasText: ru['customer.permissions.saved'] }).waitFor();
    assert.equal(await toggle.isChecked(), false);
    assert.equal((await policies(customer.id, token)).items.length, 0);

    // Someone else grants it meanwhile: the page's stale view is refused, in Russian.
    await post(portal.server.url, token, '/v1/SelfServePolicy', {
      selfServeEntity: { selfServeEntityType: 'customer', tenantID: customer.id },
      permissions: [{ resource: 'AzureReservedInstances', action: 'Purchase' }],
    });
    await toggle.click();
    await page.getByRole('alert').filter({ hasText: ru['errors.code.600041'] }).waitFor();
    await page.context().close();
  });

  test('a sales agent reads it (disabled, with the reason) and sees no Upload users', async () => {
    const { customer, token } = await customerWithE3(
      portal.server.url,
      provider,
      'adventureworks',
      'Adventure Works',
      1,
    );
    await post(portal.server.url, token, '/v1/SelfServePolicy', {
      selfServeEntity: { selfServeEntityType: 'customer', tenantID: customer.id },
      permissions: [{ resource: 'AzureReservedInstances', action: 'Purchase' }],
    });
    const page = await openCustomerLink(portal, 'SalesAgent', 'Adventure Works', 'customers.links.account');
    const toggle = page.getByRole('switch', { name: en['customer.permissions.reservations'] });
    await toggle.waitFor();
    assert.ok(await toggle.isChecked(), 'reads the policy');
    assert.ok(await toggle.isDisabled());
    await page.getByText(en['customer.permissions.roleReason']).waitFor();

    await page.getByRole('tab', { name: en['customer.tab.users'] }).click();
    await userRows(page).nth(1).waitFor();
    assert.equal(await page.getByRole('button', { name: en['customer.users.upload'] }).count(), 0);
    assert.equal(await page.getByRole('button', { name: en['customer.users.add'] }).count(), 0);
    await page.context().close();
  });

  test('an Admin agent has no Upload users (Global admins only)', async () => {
    await customerWithE3(portal.server.url, provider, 'graphicdesign', 'Graphic Design Institute', 0);
    const page = await openCustomerLink(portal, 'AdminAgent', 'Graphic Design Institute', 'customers.links.users');
    await userRows(page).nth(1).waitFor();
    await page.getByRole('button', { name: en['customer.users.add'] }).waitFor();
    assert.equal(await page.getByRole('button', { name: en['customer.users.upload'] }).count(), 0);
    await page.context().close();
  });

  test('an indirect reseller sees the permission disabled: its provider bills the customer', async () => {
    const token = await adminToken(portal.server.url, provider);
    const customer = await post(portal.server.url, token, '/v1/customers', {
      ...newCustomer('northwindtraders', 'Northwind Traders'),
      associatedPartnerId: reseller.tenantId,
    });
    const page = await portal.newPage();
    await signInAs(page, reseller, 'GlobalAdmin');
    await heading(page, en['customers.title']).waitFor();
    await page.goto(`${portal.server.url}/customers/${customer.id}/account`);
    const toggle = page.getByRole('switch', { name: en['customer.permissions.reservations'] });
    await toggle.waitFor();
    assert.ok(await toggle.isDisabled());
    await page.getByText(en['customer.permissions.programReason']).waitFor();
    await page.context().close();
  });
});
