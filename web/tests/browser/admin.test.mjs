// Activity log, Partner users and App registrations in a real browser: a change made through
// the API shows in the log, a filter narrows it, a row expands, Export writes it; a Global admin
// adds a partner user (the temporary password shown once) who then signs in, changes its roles,
// resets its password, disables and deletes it; the last Global admin stays (the refusal in
// Traditional Chinese); an app's secret is shown once, rotated and the app deleted; agents see
// neither admin page (in Russian).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { PASSWORD, adminToken, demoUser, newCustomer, post } from './support/api.mjs';
import {
  assertEventually,
  en,
  fill,
  heading,
  ru,
  signIn,
  signInAs,
  startsWith,
  usePortal,
  zh,
} from './support/portal.mjs';

const portal = usePortal();
const { provider } = portal;
const tailspin = portal.demo.partners[3]; // Tailspin Direct: one Global admin, never changed here

/** A page signed in as `role` of `partner`, in the language of `t`, on the menu entry `nav`. */
async function openPage(partner, role, nav, t = en, viewport) {
  const page = await portal.newPage(viewport);
  if (t !== en) await page.getByLabel(en['shell.language']).selectOption(t === ru ? 'ru' : 'zh-TW');
  await signInAs(page, partner, role, t);
  await page.getByRole('navigation', { name: t['shell.nav.label'] }).getByRole('link', { name: t[nav] }).click();
  return page;
}

/** The client-credentials token endpoint's status for an app's secret (200: it works). */
async function appTokenStatus(tenantId, clientId, secret) {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
  const res = await fetch(`${portal.server.url}/${tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form });
  await res.body?.cancel();
  return res.status;
}

/** The open dialog: role dialog, or alertdialog while it shows a secret (a click outside keeps it). */
const dialogOf = (page) => page.getByRole('dialog').or(page.getByRole('alertdialog'));

const focusedText = (page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

describe('Activity log', () => {
  test('a customer just created shows; a filter narrows the log; a row expands; Export writes it', async () => {
    const token = await adminToken(portal.server.url, provider);
    const customer = await post(
      portal.server.url,
      token,
      '/v1/customers',
      newCustomer('wingtipgames', 'Wingtip Games'),
    );
    await post(portal.server.url, token, '/v1/customers', newCustomer('lucernebooks', 'Lucerne Books'));

    const page = await openPage(provider, 'AdminAgent', 'activityLog.nav');
    await heading(page, en['activityLog.title']).waitFor();
    const table = page.getByRole('table', { name: en['activityLog.table.label'] });
    const rows = table.getByRole('row');
    const wingtip = rows.filter({ hasText: 'Wingtip Games' });
    await wingtip.filter({ hasText: en['activityLog.operation.add_customer'] }).waitFor();
    await rows.filter({ hasText: 'Lucerne Books' }).first().waitFor();
    const before = await rows.count();

    // The date and time in the user's locale (the browser's time zone is the machine's, as here).
    const records = await (
      await fetch(
        `${portal.server.url}/v1/auditrecords?filter=${encodeURIComponent(JSON.stringify({ Field: 'CustomerId', Value: customer.id }))}`,
        {
          headers: { Authorization: `Bearer ${token}` },
        },
      )
    ).json();
    const added = records.items.find((r) => r.operationType === 'add_customer');
    const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(
      new Date(added.operationDate),
    );
    await wingtip.filter({ hasText: when }).waitFor();

    // The API's filter: the customer's name contains "wingtip games" (not the demo's Wingtip Toys).
    await page.getByLabel(en['activityLog.filter.field']).selectOption('CompanyName');
    await page.getByLabel(en['activityLog.filter.value.CompanyName']).fill('wingtip games');
    await page.getByRole('button', { name: en['activityLog.show'] }).click();
    await rows.filter({ hasText: 'Lucerne Books' }).first().waitFor({ state: 'detached' });
    await wingtip.first().waitFor();
    const after = await rows.count();
    assert.ok(after < before, `the filter narrows the log (${after} < ${before} rows)`);
    for (const text of await rows.allInnerTexts()) {
      if (text.includes(en['activityLog.table.action'])) continue; // the header
      assert.ok(text.includes('Wingtip Games'), `every row is about Wingtip Games: ${text}`);
    }

    // A row expands to the whole record.
    const expand = page.getByRole('button', {
      name: startsWith(
        fill(en['activityLog.table.details'], { action: en['activityLog.operation.add_customer'], date: '' }),
      ),
    });
    await expand.click();
    assert.equal(await expand.getAttribute('aria-expanded'), 'true');
    const details = page.getByRole('definition');
    await details.filter({ hasText: customer.id }).first().waitFor();
    await details.filter({ hasText: 'wingtipgames.onmicrosoft.com' }).first().waitFor(); // the new value
    await page.getByText(demoUser(provider, 'GlobalAdmin').userPrincipalName).first().waitFor();

    // The Action choice narrows the loaded records; Export writes those shown.
    await page.getByLabel(en['activityLog.action.filter']).selectOption('add_customer');
    await assertEventually(async () => (await rows.count()) === 2 + 1); // header, the record, its details
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: en['activityLog.export'] }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^activity-log-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    assert.equal(csv.length, 2, 'the header and the one record shown');
    assert.ok(csv[0].startsWith(`${en['activityLog.table.date']},${en['activityLog.table.customer']},`));
    assert.ok(csv[1].includes(customer.id) && csv[1].includes(en['activityLog.operation.add_customer']));
    assert.ok(csv[1].includes(added.operationDate));
    await page.context().close();
  });

  test('Load more reads the next pages with the continuation token until the log ends', async () => {
    const token = await adminToken(portal.server.url, provider);
    const all = await (
      await fetch(`${portal.server.url}/v1/auditrecords?size=1000`, { headers: { Authorization: `Bearer ${token}` } })
    ).json();
    assert.ok(all.totalCount > 10, `more than one page of 10 (${all.totalCount} records)`);

    const page = await openPage(provider, 'SalesAgent', 'activityLog.nav');
    await page.getByLabel(en['activityLog.pageSize']).selectOption('10');
    await page.getByRole('button', { name: en['activityLog.show'] }).click();
    const rows = page.getByRole('table', { name: en['activityLog.table.label'] }).getByRole('row');
    const loadMore = page.getByRole('button', { name: en['activityLog.loadMore'] });
    await page
      .getByRole('status')
      .filter({ hasText: /^10 records loaded$/ })
      .waitFor();
    assert.equal(await rows.count(), 1 + 10);
    for (let loaded = 10; loaded < all.totalCount; loaded += 10) {
      await loadMore.click();
      const expected = Math.min(loaded + 10, all.totalCount);
      await page
        .getByRole('status')
        .filter({ hasText: new RegExp(`^${expected} records loaded$`) })
        .waitFor();
    }
    await loadMore.waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 1 + all.totalCount);
    // Newest first, as the API gave them: the last row is the oldest record.
    const oldest = all.items[all.items.length - 1];
    const name = fill(en['activityLog.table.details'], {
      action: en[`activityLog.operation.${oldest.operationType}`] ?? oldest.operationType,
      date: new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(
        new Date(oldest.operationDate),
      ),
    });
    assert.equal(await rows.last().getByRole('button').getAttribute('aria-label'), name);
    await page.context().close();
  });

  test('the date range is checked before the API is asked', async () => {
    const page = await openPage(provider, 'HelpdeskAgent', 'activityLog.nav');
    await heading(page, en['activityLog.title']).waitFor();
    await page.getByLabel(en['activityLog.range.from'], { exact: true }).fill('2020-01-01');
    await page.getByText(fill(en['activityLog.range.tooOld'], { days: 90 })).waitFor();
    const today = new Date();
    const day = (d) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    await page.getByLabel(en['activityLog.range.from'], { exact: true }).fill(day(today));
    await page.getByLabel(en['activityLog.range.to'], { exact: true }).fill(day(yesterday));
    await page.getByText(en['activityLog.range.order']).waitFor();
    await page.context().close();
  });
});

describe('Partner users', () => {
  test('a Global admin adds a user who signs in, changes its roles, resets, disables and deletes it', async () => {
    const admin = demoUser(provider, 'GlobalAdmin');
    const domain = admin.userPrincipalName.split('@')[1];
    const upn = `pat.kim@${domain}`;
    const page = await openPage(provider, 'GlobalAdmin', 'partnerUsers.nav');
    await heading(page, en['partnerUsers.title']).waitFor();
    const table = page.getByRole('table', { name: en['partnerUsers.table.label'] });
    await table.getByRole('row').filter({ hasText: admin.userPrincipalName }).waitFor();

    // Add user: the required fields and a role first.
    const addButton = page.getByRole('button', { name: en['partnerUsers.add'] });
    await addButton.click();
    const dialog = dialogOf(page);
    await dialog.getByRole('button', { name: en['partnerUsers.add.submit'] }).click();
    await dialog.getByText(en['partnerUsers.error.noRole']).waitFor();
    assert.ok((await dialog.getByText(en['partnerUsers.error.required']).count()) >= 2);
    await dialog.getByLabel(en['partnerUsers.field.displayName']).fill('Pat Kim');
    await dialog.getByLabel(en['partnerUsers.field.userPrincipalName']).fill('pat.kim');
    await dialog.getByRole('checkbox', { name: en['partnerUsers.role.SalesAgent'] }).check();
    await dialog.getByRole('button', { name: en['partnerUsers.add.submit'] }).click();

    const created = page.getByRole('region', { name: en['partnerUsers.add.createdTitle'] });
    await created.getByText(en['partnerUsers.passwordWarning']).waitFor();
    assert.equal(await created.getByLabel(en['partnerUsers.field.userPrincipalName']).inputValue(), upn);
    const temporary = await created.getByLabel(en['addCustomer.done.password']).inputValue();
    assert.ok(temporary.length >= 12, 'a temporary password is shown');
    await created.getByRole('button', { name: en['addCustomer.done.done'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator(`input[value="${temporary}"]`).waitFor({ state: 'detached' }); // not shown again
    assert.equal(await page.getByText(temporary).count(), 0);
    await assertEventually(async () => (await focusedText(page)) === en['partnerUsers.add']);

    const row = table.getByRole('row').filter({ hasText: upn });
    await row.filter({ hasText: en['partnerUsers.role.SalesAgent'] }).waitFor();
    await row.filter({ hasText: en['partnerUsers.state.mustChange'] }).waitFor();

    // The new user signs in elsewhere and must choose a password first.
    const other = await portal.newPage();
    await signIn(other, upn, temporary);
    await heading(other, en['signin.changePassword.title']).waitFor();
    await other.getByLabel(en['signin.changePassword.current']).fill(temporary);
    await other.getByLabel(startsWith(en['signin.changePassword.new'])).fill('Pat-Kim-Pass-2026!');
    await other.getByLabel(en['signin.changePassword.confirm']).fill('Pat-Kim-Pass-2026!');
    await other.getByRole('button', { name: en['signin.changePassword.submit'] }).click();
    await heading(other, en['customers.title']).waitFor();
    await other.context().close();

    // Change roles: Sales agent → Helpdesk agent and Billing admin.
    const actions = page.getByRole('button', { name: fill(en['partnerUsers.actionsFor'], { name: 'Pat Kim' }) });
    await actions.click();
    await page.getByRole('menuitem', { name: en['partnerUsers.roles.change'] }).click();
    await dialog.getByRole('checkbox', { name: en['partnerUsers.role.SalesAgent'] }).uncheck();
    await dialog.getByRole('button', { name: en['partnerUsers.roles.submit'] }).click();
    await dialog.getByText(en['partnerUsers.error.noRole']).waitFor();
    await dialog.getByRole('checkbox', { name: en['partnerUsers.role.HelpdeskAgent'] }).check();
    await dialog.getByRole('checkbox', { name: en['partnerUsers.role.BillingAdmin'] }).check();
    await dialog.getByRole('button', { name: en['partnerUsers.roles.submit'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await row
      .filter({
        hasText: new Intl.ListFormat('en').format([
          en['partnerUsers.role.HelpdeskAgent'],
          en['partnerUsers.role.BillingAdmin'],
        ]),
      })
      .waitFor();
    assert.equal(await row.filter({ hasText: en['partnerUsers.role.SalesAgent'] }).count(), 0);
    await assertEventually(
      async () => (await focusedText(page)) === fill(en['partnerUsers.actionsFor'], { name: 'Pat Kim' }),
    );
    assert.equal(
      await row.filter({ hasText: en['partnerUsers.state.mustChange'] }).count(),
      0,
      'the password was changed',
    );

    // Reset password: a new temporary password, once; the user must change it again.
    await actions.click();
    await page.getByRole('menuitem', { name: en['partnerUsers.reset'] }).click();
    await dialog.getByRole('button', { name: en['partnerUsers.reset.submit'] }).click();
    const reset = page.getByRole('region', { name: en['partnerUsers.reset.doneLabel'] });
    const second = await reset.getByLabel(en['addCustomer.done.password']).inputValue();
    assert.ok(second.length >= 12 && second !== temporary);
    await reset.getByRole('button', { name: en['addCustomer.done.done'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.filter({ hasText: en['partnerUsers.state.mustChange'] }).waitFor();

    // Disable: that user can no longer sign in; Enable again.
    await actions.click();
    await page.getByRole('menuitem', { name: en['partnerUsers.disable'] }).click();
    await dialog.getByRole('button', { name: en['partnerUsers.disable'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.filter({ hasText: en['partnerUsers.state.disabled'] }).first().waitFor();
    const third = await portal.newPage();
    await signIn(third, upn, second);
    await third.getByRole('alert').filter({ hasText: en['errors.code.700103'] }).waitFor();
    await third.context().close();
    await actions.click();
    await page.getByRole('menuitem', { name: en['partnerUsers.enable'] }).click();
    await dialog.getByRole('button', { name: en['partnerUsers.enable'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.filter({ hasText: en['partnerUsers.state.active'] }).first().waitFor();

    // Delete: the row goes, the focus returns to Add user.
    await actions.click();
    await page.getByRole('menuitem', { name: en['partnerUsers.delete'] }).click();
    await dialog.getByText(fill(en['partnerUsers.delete.question'], { name: 'Pat Kim' })).waitFor();
    await dialog.getByRole('button', { name: en['partnerUsers.delete'] }).click();
    await row.waitFor({ state: 'detached' });
    await assertEventually(async () => (await focusedText(page)) === en['partnerUsers.add']);
    const gone = await portal.newPage();
    await signIn(gone, upn, second);
    await gone.getByRole('alert').waitFor();
    await gone.context().close();
    await page.context().close();
  });

  test('the last Global admin can be neither demoted, disabled nor deleted (the refusal in zh-TW)', async () => {
    const admin = demoUser(tailspin, 'GlobalAdmin');
    const page = await openPage(tailspin, 'GlobalAdmin', 'partnerUsers.nav', zh);
    await heading(page, zh['partnerUsers.title']).waitFor();
    const row = page
      .getByRole('table', { name: zh['partnerUsers.table.label'] })
      .getByRole('row')
      .filter({ hasText: admin.userPrincipalName });
    const actions = row.getByRole('button');
    const dialog = dialogOf(page);
    const refusal = dialog.getByRole('alert').filter({ hasText: zh['errors.code.700301'] });

    await actions.click();
    await page.getByRole('menuitem', { name: zh['partnerUsers.roles.change'] }).click();
    await dialog.getByRole('checkbox', { name: zh['partnerUsers.role.GlobalAdmin'] }).uncheck();
    await dialog.getByRole('checkbox', { name: zh['partnerUsers.role.AdminAgent'] }).check();
    await dialog.getByRole('button', { name: zh['partnerUsers.roles.submit'] }).click();
    await refusal.waitFor();
    await dialog.getByRole('button', { name: zh['partnerUsers.cancel'] }).click();
    await dialog.waitFor({ state: 'detached' });

    await actions.click();
    await page.getByRole('menuitem', { name: zh['partnerUsers.disable'] }).click();
    await dialog.getByText(zh['partnerUsers.disable.self']).waitFor();
    await dialog.getByRole('button', { name: zh['partnerUsers.disable'] }).click();
    await refusal.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await actions.click();
    await page.getByRole('menuitem', { name: zh['partnerUsers.delete'] }).click();
    await dialog.getByRole('button', { name: zh['partnerUsers.delete'] }).click();
    await refusal.waitFor();
    await dialog.getByRole('button', { name: zh['partnerUsers.cancel'] }).click();
    await dialog.waitFor({ state: 'detached' });

    // Still there, still Global admin and active.
    await row
      .filter({ hasText: zh['partnerUsers.role.GlobalAdmin'] })
      .filter({ hasText: zh['partnerUsers.state.active'] })
      .waitFor();
    await page.reload();
    await row.filter({ hasText: zh['partnerUsers.role.GlobalAdmin'] }).waitFor();
    await page.context().close();
  });

  test('keyboard only: Add user and the Actions menu open dialogs; Escape brings the focus back', async () => {
    const page = await openPage(tailspin, 'GlobalAdmin', 'partnerUsers.nav');
    const rows = page.getByRole('table', { name: en['partnerUsers.table.label'] }).getByRole('row');
    const actions = rows.filter({ hasText: demoUser(tailspin, 'SalesAgent').userPrincipalName }).getByRole('button');
    const label = await actions.getAttribute('aria-label');
    const dialog = dialogOf(page);

    await page.getByRole('button', { name: en['partnerUsers.add'] }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    // The form starts on its first field.
    await assertEventually(
      async () =>
        (await page.evaluate(() => document.activeElement?.id)) ===
        (await dialog.getByLabel(en['partnerUsers.field.displayName']).getAttribute('id')),
    );
    await page.keyboard.type('Nobody');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await assertEventually(async () => (await focusedText(page)) === en['partnerUsers.add']);

    await actions.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: en['partnerUsers.roles.change'] }).waitFor();
    await page.keyboard.press('Enter'); // the first item: Change roles
    await dialog.getByRole('checkbox', { name: en['partnerUsers.role.SalesAgent'] }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await assertEventually(async () => (await focusedText(page)) === label);
    await page.context().close();
  });

  test('a User management admin manages users but not Global admins, and sees no App registrations', async () => {
    const fabrikam = portal.demo.partners[2];
    const token = await adminToken(portal.server.url, fabrikam);
    const uma = await post(portal.server.url, token, '/v1/users', {
      userPrincipalName: 'uma',
      displayName: 'Uma Admin',
      roles: ['UserManagementAdmin'],
    });
    const page = await portal.newPage();
    await signIn(page, uma.userPrincipalName, uma.passwordProfile.password);
    await page.getByLabel(en['signin.changePassword.current']).fill(uma.passwordProfile.password);
    await page.getByLabel(startsWith(en['signin.changePassword.new'])).fill('Uma-Admin-Pass-2026!');
    await page.getByLabel(en['signin.changePassword.confirm']).fill('Uma-Admin-Pass-2026!');
    await page.getByRole('button', { name: en['signin.changePassword.submit'] }).click();
    // It cannot see customers: its menu has the Activity log and Partner users, no App registrations.
    const menu = page.getByRole('navigation', { name: en['shell.nav.label'] });
    await menu.getByRole('link', { name: en['activityLog.nav'] }).waitFor();
    assert.equal(await menu.getByRole('link', { name: en['customers.nav'] }).count(), 0);
    assert.equal(await menu.getByRole('link', { name: en['appRegistrations.nav'] }).count(), 0);
    await menu.getByRole('link', { name: en['partnerUsers.nav'] }).click();

    const rows = page.getByRole('table', { name: en['partnerUsers.table.label'] }).getByRole('row');
    const globalAdmin = rows.filter({ hasText: demoUser(fabrikam, 'GlobalAdmin').userPrincipalName });
    await globalAdmin.getByText(en['partnerUsers.globalAdminOnlyRow']).waitFor();
    assert.equal(await globalAdmin.getByRole('button').count(), 0, 'no actions on a Global admin');
    await rows
      .filter({ hasText: demoUser(fabrikam, 'SalesAgent').userPrincipalName })
      .getByRole('button')
      .waitFor();

    await page.getByRole('button', { name: en['partnerUsers.add'] }).click();
    const dialog = dialogOf(page);
    const box = dialog.getByRole('checkbox', { name: en['partnerUsers.role.GlobalAdmin'] });
    assert.ok(await box.isDisabled(), 'Global admin cannot be granted');
    await dialog.getByText(en['partnerUsers.globalAdminOnly']).waitFor();
    await dialog.getByLabel(en['partnerUsers.field.displayName']).fill('Sam Lee');
    await dialog.getByLabel(en['partnerUsers.field.userPrincipalName']).fill('sam');
    await dialog.getByRole('checkbox', { name: en['partnerUsers.role.HelpdeskAgent'] }).check();
    await dialog.getByRole('button', { name: en['partnerUsers.add.submit'] }).click();
    await dialog.getByText(en['partnerUsers.passwordWarning']).waitFor();
    await dialog.getByRole('button', { name: en['addCustomer.done.done'] }).click();
    await rows.filter({ hasText: `sam@${fabrikam.users[0].userPrincipalName.split('@')[1]}` }).waitFor();
    await page.context().close();
  });
});

describe('App registrations', () => {
  test('an app is registered (its secret shown once), its secret rotated, the app deleted', async () => {
    const page = await openPage(provider, 'GlobalAdmin', 'appRegistrations.nav');
    await heading(page, en['appRegistrations.title']).waitFor();
    const table = page.getByRole('table', { name: en['appRegistrations.table.label'] });
    await table.getByRole('row').filter({ hasText: provider.app.clientId }).waitFor();

    const register = page.getByRole('button', { name: en['appRegistrations.register'] });
    await register.click();
    const dialog = dialogOf(page);
    // Apps never hold Global admin: no such box.
    assert.equal(await dialog.getByRole('checkbox', { name: en['partnerUsers.role.GlobalAdmin'] }).count(), 0);
    assert.ok(await dialog.getByRole('checkbox', { name: en['partnerUsers.role.AdminAgent'] }).isChecked());
    await dialog.getByLabel(en['appRegistrations.field.name']).fill('Billing sync');
    await dialog.getByRole('button', { name: en['appRegistrations.register.submit'] }).click();
    const shown = page.getByRole('region', { name: en['appRegistrations.register.doneTitle'] });
    await shown.getByText(en['appRegistrations.secretWarning']).waitFor();
    const clientId = await shown.getByLabel(en['appRegistrations.field.clientId']).inputValue();
    const secret = await shown.getByLabel(en['appRegistrations.field.secret']).inputValue();
    assert.match(clientId, /^[0-9a-f-]{36}$/);
    assert.equal(await appTokenStatus(provider.tenantId, clientId, secret), 200, 'the secret works');
    await shown.getByRole('button', { name: en['appRegistrations.done'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator(`input[value="${secret}"]`).waitFor({ state: 'detached' }); // not shown again
    assert.equal(await page.getByText(secret).count(), 0);
    await assertEventually(async () => (await focusedText(page)) === en['appRegistrations.register']);
    const row = table.getByRole('row').filter({ hasText: clientId });
    await row.filter({ hasText: 'Billing sync' }).waitFor();

    // Rotate: a new secret, once; the old one stops working.
    await page.getByRole('button', { name: fill(en['appRegistrations.rotateFor'], { name: 'Billing sync' }) }).click();
    await dialog.getByRole('button', { name: en['appRegistrations.rotate'] }).click();
    const rotated = page.getByRole('region', { name: en['appRegistrations.rotate.doneLabel'] });
    const next = await rotated.getByLabel(en['appRegistrations.field.secret']).inputValue();
    assert.notEqual(next, secret);
    assert.equal(await rotated.getByLabel(en['appRegistrations.field.clientId']).inputValue(), clientId);
    await rotated.getByRole('button', { name: en['appRegistrations.done'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await assertEventually(
      async () => (await focusedText(page)) === fill(en['appRegistrations.rotateFor'], { name: 'Billing sync' }),
    );
    assert.notEqual(await appTokenStatus(provider.tenantId, clientId, secret), 200, 'the old secret is refused');
    assert.equal(await appTokenStatus(provider.tenantId, clientId, next), 200, 'the new secret works');

    // Delete, after the confirmation.
    await page.getByRole('button', { name: fill(en['appRegistrations.deleteFor'], { name: 'Billing sync' }) }).click();
    await dialog.getByText(fill(en['appRegistrations.delete.question'], { name: 'Billing sync' })).waitFor();
    await dialog.getByRole('button', { name: en['appRegistrations.delete'] }).click();
    await row.waitFor({ state: 'detached' });
    await assertEventually(async () => (await focusedText(page)) === en['appRegistrations.register']);
    assert.notEqual(await appTokenStatus(provider.tenantId, clientId, next), 200, 'a deleted app gets no token');
    await table.getByRole('row').filter({ hasText: provider.app.clientId }).waitFor();
    await page.context().close();
  });
});

describe('Who sees the admin pages', () => {
  for (const role of ['SalesAgent', 'HelpdeskAgent']) {
    test(`a ${role} (in Russian) has the Activity log but no Partner users or App registrations`, async () => {
      const page = await portal.newPage();
      await page.getByLabel(en['shell.language']).selectOption('ru');
      await signInAs(page, provider, role, ru);
      const menu = page.getByRole('navigation', { name: ru['shell.nav.label'] });
      await menu.getByRole('link', { name: ru['activityLog.nav'] }).waitFor();
      assert.equal(await menu.getByRole('link', { name: ru['partnerUsers.nav'] }).count(), 0);
      assert.equal(await menu.getByRole('link', { name: ru['appRegistrations.nav'] }).count(), 0);
      // Typed in, the page only shows the API's refusal, in Russian.
      await page.goto(`${portal.server.url}/partner-users`);
      await page.getByRole('alert').filter({ hasText: ru['errors.code.900150'] }).waitFor();
      assert.equal(await page.getByRole('button', { name: ru['partnerUsers.add'] }).count(), 0);
      await page.context().close();
    });
  }

  test('at phone width the three pages fit the screen', async () => {
    for (const nav of ['activityLog.nav', 'partnerUsers.nav', 'appRegistrations.nav']) {
      const page = await openPage(provider, 'GlobalAdmin', nav, en, { width: 390, height: 844 });
      await page.getByRole('table').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (nav === 'activityLog.nav') {
        // The partner user moves into a row's details.
        assert.equal(await page.getByRole('columnheader', { name: en['activityLog.table.user'] }).count(), 0);
        assert.equal(
          await page.getByRole('cell', { name: demoUser(provider, 'GlobalAdmin').userPrincipalName }).count(),
          0,
        );
      }
      assert.ok(overflow <= 0, `${nav}: ${overflow}px wider than the screen`);
      await page.context().close();
    }
  });
});
