// Users and licenses in a real browser: a provider adds a user and reads its temporary password
// once, deletes and restores it; a helpdesk agent reads the users but cannot change them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { customerWithE3 } from './support/api.mjs';
import { en, fill, openCustomerLink, usePortal } from './support/portal.mjs';

const portal = usePortal();
const { provider } = portal;

const userRows = (page, name) => page.getByRole('table', { name }).getByRole('row');

describe('Customer: users and licenses', () => {
  test('a provider adds a user (password shown once), deletes and restores it', async () => {
    const { customer } = await customerWithE3(portal.server.url, provider, 'contosopharma', 'Contoso Pharma', 0);
    const page = await openCustomerLink(portal, 'GlobalAdmin', 'Contoso Pharma', 'customers.links.users');
    assert.equal(new URL(page.url()).pathname, `/customers/${customer.id}/users`);
    await userRows(page, en['customer.tab.users']).nth(1).waitFor(); // the customer's admin

    await page.getByRole('button', { name: en['customer.users.add'] }).click();
    await page.getByRole('button', { name: en['customer.users.create'] }).click();
    assert.ok((await page.getByText(en['addCustomer.error.required']).count()) >= 2);
    await page.getByLabel(en['customer.users.field.displayName']).fill('Megan Bowen');
    await page.getByLabel(en['customer.users.field.userPrincipalName']).fill('megan');
    await page.getByRole('button', { name: en['customer.users.create'] }).click();

    await page.getByText(en['customer.users.passwordWarning']).waitFor();
    const created = page.getByRole('region', { name: en['customer.users.created'] });
    assert.equal(
      await created.getByLabel(en['customer.users.field.userPrincipalName']).inputValue(),
      'megan@contosopharma.onmicrosoft.com',
    );
    const password = await created.getByLabel(en['addCustomer.done.password']).inputValue();
    assert.ok(password.length >= 12, 'a temporary password is shown');
    await created.getByRole('button', { name: en['addCustomer.done.done'] }).click();
    assert.equal(await page.getByText(password).count(), 0);
    assert.equal(await page.locator(`input[value="${password}"]`).count(), 0, 'not shown again');

    const rows = userRows(page, en['customer.tab.users']);
    await rows.filter({ hasText: 'megan@contosopharma.onmicrosoft.com' }).waitFor();
    await page.getByRole('button', { name: fill(en['customer.users.deleteUser'], { name: 'Megan Bowen' }) }).click();
    await rows.filter({ hasText: 'megan@' }).waitFor({ state: 'detached' });

    await page.getByRole('switch', { name: en['customer.users.showDeleted'] }).click();
    await page.getByRole('button', { name: fill(en['customer.users.restoreUser'], { name: 'Megan Bowen' }) }).click();
    await page.getByText(en['customer.users.noneDeleted']).waitFor();
    await page.getByRole('switch', { name: en['customer.users.showDeleted'] }).click();
    await rows.filter({ hasText: 'megan@contosopharma.onmicrosoft.com' }).waitFor();
    await page.context().close();
  });

  test('a helpdesk agent reads the users but sees no Add user, Delete or Restore', async () => {
    await customerWithE3(portal.server.url, provider, 'blueyonderair', 'Blue Yonder Airlines', 0);
    const page = await openCustomerLink(portal, 'HelpdeskAgent', 'Blue Yonder Airlines', 'customers.links.users');
    await userRows(page, en['customer.tab.users']).nth(1).waitFor();
    assert.equal(await page.getByRole('button', { name: en['customer.users.add'] }).count(), 0);
    assert.equal(await page.getByRole('button', { name: en['customer.users.delete'] }).count(), 0);
    await page.context().close();
  });

  test('keyboard only: the tabs, Add user and its form', async () => {
    await customerWithE3(portal.server.url, provider, 'margiestravel', "Margie's Travel", 0);
    const page = await openCustomerLink(portal, 'AdminAgent', "Margie's Travel", 'customers.links.account');
    await page.getByRole('tab', { name: en['customer.tab.account'] }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/users$/);
    await userRows(page, en['customer.tab.users']).nth(1).waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 10 && (await focused()) !== en['customer.users.add']; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(), en['customer.users.add']);
    await page.keyboard.press('Enter');
    // The form takes the focus on its first field.
    await page.getByLabel(en['customer.users.field.firstName']).waitFor();
    await page.keyboard.type('Alex');
    await page.keyboard.press('Tab'); // last name
    await page.keyboard.type('Wilber');
    await page.keyboard.press('Tab'); // display name
    await page.keyboard.type('Alex Wilber');
    await page.keyboard.press('Tab'); // user name
    await page.keyboard.type('alex');
    await page.keyboard.press('Tab'); // usage location
    await page.keyboard.press('Tab'); // Create user
    await page.keyboard.press('Enter');
    await page.getByText(en['customer.users.passwordWarning']).waitFor();
    await page.context().close();
  });
});
