// The portal in a real browser against a real `csphub serve --demo`: sign-in, the session
// cookie, forced password change, the language switch, the Customers page, and what a role
// must not see. One server and one browser for the file; a fresh context (cookie jar) per test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';

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
const { demo, provider, reseller } = portal;
const newPage = (viewport) => portal.newPage(viewport);

const rows = (page) => page.getByRole('table').getByRole('row');

describe('signing in', () => {
  test('a partner user signs in; the token is an HttpOnly cookie and in no web storage', async () => {
    const page = await newPage();
    await signInAs(page, provider, 'GlobalAdmin');
    await heading(page, en['customers.title']).waitFor();
    assert.equal(new URL(page.url()).pathname, '/customers');
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'csphub_session');
    assert.ok(session, 'session cookie');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Strict');
    const storage = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    assert.ok(!storage.includes(session.value), 'the token is not in web storage');
    assert.equal(await page.evaluate(() => document.cookie.includes('csphub_session')), false);
    // A reload keeps the session (the cookie), and signing out ends it.
    await page.reload();
    await heading(page, en['customers.title']).waitFor();
    await page.getByRole('button', { name: en['shell.signOut'] }).click();
    await page.getByRole('button', { name: en['signin.submit'] }).waitFor();
    assert.equal(
      (await page.context().cookies()).some((c) => c.name === 'csphub_session'),
      false,
    );
    await page.context().close();
  });

  test('a wrong password is refused in the chosen language', async () => {
    const page = await newPage();
    await signIn(page, demoUser(provider, 'GlobalAdmin').userPrincipalName, 'wrong-password-123');
    await page.getByRole('alert').filter({ hasText: en['errors.code.700102'] }).waitFor();
    await page.getByLabel(en['shell.language']).selectOption('ru');
    await page.getByRole('alert').filter({ hasText: ru['errors.code.700102'] }).waitFor();
    await page.context().close();
  });

  test('a customer admin signs in through the same page', async () => {
    const page = await newPage();
    await signIn(page, demo.customers[0].admin.userPrincipalName);
    await heading(page, en['invitation.partners.title']).waitFor(); // the Global admin's landing page
    await page.getByRole('link', { name: en['shell.nav.home'] }).click();
    await heading(page, en['shell.home.title']).waitFor();
    await page.getByText(demo.customers[0].tenantId).waitFor();
    await page.context().close();
  });

  test('a temporary password must be changed at first sign-in', async () => {
    const token = await adminToken(portal.server.url, provider);
    const created = await post(portal.server.url, token, '/v1/users', {
      userPrincipalName: 'newagent@northwinddist.onmicrosoft.com',
      displayName: 'New Agent',
      roles: ['SalesAgent'],
    });
    const temporary = created.passwordProfile.password;
    const page = await newPage();
    await signIn(page, 'newagent@northwinddist.onmicrosoft.com', temporary);
    await heading(page, en['signin.changePassword.title']).waitFor();
    await page.getByLabel(en['signin.changePassword.current']).fill(temporary);
    await page.getByLabel(startsWith(en['signin.changePassword.new'])).fill('short');
    await page.getByText(fill(en['signin.changePassword.tooShort'], { min: 12 })).waitFor();
    await page.getByLabel(startsWith(en['signin.changePassword.new'])).fill('A-new-Pass-2026!');
    await page.getByLabel(en['signin.changePassword.confirm']).fill('A-new-Pass-2026?');
    await page.getByText(en['signin.changePassword.mismatch']).waitFor();
    await page.getByLabel(en['signin.changePassword.confirm']).fill('A-new-Pass-2026!');
    await page.getByRole('button', { name: en['signin.changePassword.submit'] }).click();
    await heading(page, en['customers.title']).waitFor();
    // The new password works, the temporary one no longer does.
    await page.getByRole('button', { name: en['shell.signOut'] }).click();
    await signIn(page, 'newagent@northwinddist.onmicrosoft.com', temporary);
    await page.getByRole('alert').filter({ hasText: en['errors.code.700102'] }).waitFor();
    await signIn(page, 'newagent@northwinddist.onmicrosoft.com', 'A-new-Pass-2026!');
    await heading(page, en['customers.title']).waitFor();
    await page.context().close();
  });
});

describe('language', () => {
  test('the switch changes every string and is remembered per user', async () => {
    const page = await newPage();
    await signInAs(page, provider, 'AdminAgent');
    await heading(page, en['customers.title']).waitFor();
    await page.getByLabel(en['shell.language']).selectOption('zh-TW');
    await heading(page, zh['customers.title']).waitFor();
    await page.getByRole('button', { name: zh['customers.export'] }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-TW');
    await page.reload();
    await heading(page, zh['customers.title']).waitFor();
    await page.getByRole('button', { name: zh['shell.signOut'] }).click();

    // Another user on the same browser picks Russian; each gets their own back.
    await signInAs(page, provider, 'SalesAgent', zh);
    await page.getByLabel(zh['shell.language']).selectOption('ru');
    await heading(page, ru['customers.title']).waitFor();
    await page.getByRole('button', { name: ru['shell.signOut'] }).click();
    await signInAs(page, provider, 'AdminAgent', ru);
    await heading(page, zh['customers.title']).waitFor();
    await page.context().close();
  });
});

describe('customers', () => {
  before(async () => {
    // Nine more customers for Northwind: twelve in all, two pages of ten.
    const token = await adminToken(portal.server.url, provider);
    for (let i = 1; i <= 9; i++) {
      await post(portal.server.url, token, '/v1/customers', newCustomer(`pagingtest${i}`, `Paging Test ${i}`));
    }
  });

  test('search by company name or domain, filter by reseller, expand a row', async () => {
    const page = await newPage();
    await signInAs(page, provider, 'GlobalAdmin');
    await heading(page, en['customers.title']).waitFor();

    await page.getByLabel(en['customers.search.label']).fill('wing');
    await page.getByRole('button', { name: en['customers.search.submit'] }).click();
    await page.getByRole('cell', { name: 'Wingtip Toys', exact: true }).waitFor();
    assert.equal(await rows(page).count(), 2); // header + Wingtip

    await page.getByLabel(en['customers.search.field']).selectOption('Domain');
    await page.getByLabel(en['customers.search.label']).fill('litware');
    await page.getByRole('button', { name: en['customers.search.submit'] }).click();
    await page.getByRole('cell', { name: 'Litware Inc', exact: true }).waitFor();
    assert.equal(await rows(page).count(), 2);

    await page.getByLabel(en['customers.filter.reseller']).selectOption({ label: reseller.name });
    await page.getByRole('cell', { name: 'Adatum Corporation', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Wingtip Toys', exact: true }).waitFor();
    assert.equal(await page.getByRole('cell', { name: 'Litware Inc', exact: true }).count(), 0);

    const adatum = demo.customers.find((c) => c.companyName === 'Adatum Corporation');
    const expand = page.getByRole('button', {
      name: fill(en['customers.table.details'], { name: 'Adatum Corporation' }),
    });
    await expand.click();
    assert.equal(await expand.getAttribute('aria-expanded'), 'true');
    await page.getByText(adatum.tenantId).waitFor();
    await page.getByRole('link', { name: en['customers.links.subscriptions'] }).waitFor();
    await page.context().close();
  });

  test('pages with continuation tokens, forward and back', async () => {
    const page = await newPage();
    await signInAs(page, provider, 'GlobalAdmin');
    await page.getByRole('cell', { name: 'Adatum Corporation', exact: true }).waitFor();
    assert.equal(await rows(page).count(), 11); // header + 10
    const next = page.getByRole('button', { name: en['customers.pager.next'] });
    await next.click();
    await page.getByRole('cell', { name: 'Wingtip Toys', exact: true }).waitFor();
    assert.equal(await rows(page).count(), 3); // header + 2
    assert.equal(await next.isDisabled(), true);
    await page.getByRole('button', { name: en['customers.pager.previous'] }).click();
    await page.getByRole('cell', { name: 'Adatum Corporation', exact: true }).waitFor();
    assert.equal(await rows(page).count(), 11);
    await page.context().close();
  });

  test('Export customers downloads the CSV', async () => {
    const page = await newPage();
    await signInAs(page, provider, 'HelpdeskAgent');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: en['customers.export'] }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^customers-\d{4}-\d\d-\d\d\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /Adatum Corporation/);
    assert.match(csv, /Paging Test 9/);
    await page.context().close();
  });

  test('Request a reseller relationship: the draft email, delegated admin, copy, mailto, Done', async () => {
    const page = await newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal.server.url });
    await signInAs(page, provider, 'GlobalAdmin');
    await page.getByRole('button', { name: en['customers.request.open'] }).click();
    const dialog = page.getByRole('dialog');
    const body = dialog.getByLabel(en['partners.draft.body']);
    await assertEventually(async () => (await body.inputValue()).includes('customer-invitations'));
    assert.ok(!(await body.inputValue()).includes('DAP=true'));
    await dialog.getByLabel(en['partners.draft.delegatedAdmin']).check();
    await assertEventually(async () => (await body.inputValue()).includes('DAP=true'));
    const mailto = await dialog.getByRole('link', { name: en['partners.draft.openInEmail'] }).getAttribute('href');
    assert.match(mailto, /^mailto:\?subject=.+&body=.+DAP%3Dtrue/);
    await dialog.getByRole('button', { name: en['partners.draft.copy'] }).click();
    await dialog.getByText(en['partners.draft.copied']).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await body.inputValue());
    await dialog.getByRole('button', { name: en['partners.draft.done'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.context().close();
  });
});

describe('roles', () => {
  test('a helpdesk agent sees no Add customer and no relationship request', async () => {
    const page = await newPage();
    await signInAs(page, provider, 'HelpdeskAgent');
    await page.getByRole('button', { name: en['customers.export'] }).waitFor();
    assert.equal(await page.getByRole('button', { name: en['customers.add'] }).count(), 0);
    assert.equal(await page.getByRole('button', { name: en['customers.request.open'] }).count(), 0);
    await page.context().close();
  });

  test('an admin agent may request a relationship, but delegated admin only as a Global admin or Admin agent', async () => {
    const page = await newPage();
    await signInAs(page, provider, 'SalesAgent');
    await page.getByRole('button', { name: en['customers.request.open'] }).click();
    const box = page.getByRole('dialog').getByLabel(en['partners.draft.delegatedAdmin']);
    assert.equal(await box.isDisabled(), true);
    await page.getByRole('dialog').getByText(en['customers.request.delegatedAdminReason']).waitFor();
    await page.context().close();
  });

  test('an indirect reseller sees Add customer disabled, with the reason', async () => {
    const page = await newPage();
    await signInAs(page, reseller, 'GlobalAdmin');
    const add = page.getByRole('button', { name: en['customers.add'] });
    await add.waitFor();
    await assertEventually(async () => (await add.getAttribute('aria-disabled')) === 'true');
    await add.focus();
    await page.getByText(en['customers.add.resellerReason']).waitFor();
    // No reseller filter either: that is a provider's.
    assert.equal(await page.getByLabel(en['customers.filter.reseller']).count(), 0);
    await page.context().close();
  });
});

describe('keyboard', () => {
  /** Presses Tab until the focused element's accessible text is `name`; fails after 40 presses. */
  async function tabTo(page, name) {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
      if (focused === name) return;
    }
    assert.fail(`Tab never reached "${name}"`);
  }

  test('sign in, reach the actions and use the dialog with the keyboard alone', async () => {
    const page = await newPage();
    await page.getByRole('button', { name: en['signin.submit'] }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type(demoUser(provider, 'GlobalAdmin').userPrincipalName);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await heading(page, en['customers.title']).waitFor();
    await tabTo(page, en['customers.request.open']);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus moved into the dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), en['customers.request.open']);
    await page.context().close();
  });
});

describe('phone width', () => {
  test('the menu and the list fit a 390 px wide screen', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await signInAs(page, provider, 'GlobalAdmin');
    await page.getByRole('cell', { name: 'Adatum Corporation', exact: true }).waitFor();
    await page
      .getByRole('navigation', { name: en['shell.nav.label'] })
      .getByRole('link', { name: en['customers.nav'] })
      .waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await page.context().close();
  });
});
