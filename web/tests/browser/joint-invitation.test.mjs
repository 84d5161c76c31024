// The joint invitation end to end, through the portal only where a person would use it: the
// reseller (Contoso, in Traditional Chinese) makes the link on Indirect providers → Invite new
// customers with delegated admin and reads it from the draft email; a customer's Global admin
// (in Russian, in a browser of its own) opens it, signs in and accepts; the reseller finds the
// customer on its Customers page; the provider (Northwind) orders for it from the Customer page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { PASSWORD, attestAgreement, customerUserToken, customerWithAdmin } from './support/api.mjs';
import {
  assertEventually,
  en,
  fill,
  heading,
  openCustomerLink,
  ru,
  signIn,
  signInAs,
  usePortal,
  zh,
} from './support/portal.mjs';

const portal = usePortal();
const { provider, reseller } = portal; // Northwind Distribution (provider), Contoso Reseller (its reseller)
const direct = portal.demo.partners[3]; // Tailspin Direct: a direct-bill partner, the customer's first partner

const COMPANY = 'Blue Yonder Airlines';

describe('Joint invitation through the portal', () => {
  test('reseller invites (zh-TW), customer admin accepts (ru), reseller sees it, provider orders for it', async () => {
    // The customer exists already, made by another partner through the API; its admin replaced
    // the temporary password through the API (support/api.mjs).
    const { customer, adminUserName } = await customerWithAdmin(portal.server.url, direct, 'blueyonderair', COMPANY);

    // Contoso's Global admin, in Traditional Chinese: Indirect providers → Invite new customers.
    const resellerPage = await portal.newPage();
    await resellerPage.getByLabel(en['shell.language']).selectOption('zh-TW');
    await signInAs(resellerPage, reseller, 'GlobalAdmin', zh);
    const menu = resellerPage.getByRole('navigation', { name: zh['shell.nav.label'] });
    await menu.getByRole('link', { name: zh['partners.providers.nav'] }).click();
    await heading(resellerPage, zh['partners.providers.title']).waitFor();
    await resellerPage
      .getByRole('table', { name: zh['partners.providers.table'] })
      .getByRole('row')
      .filter({ hasText: provider.name })
      .getByRole('button', { name: zh['partners.providers.invite'] })
      .click();
    const dialog = resellerPage.getByRole('dialog', {
      name: fill(zh['partners.invite.title'], { provider: provider.name }),
    });
    const body = dialog.getByLabel(zh['partners.draft.body']);
    await assertEventually(async () => (await body.inputValue()).includes('invType=IndirectResellerRelationship'));
    assert.ok((await body.inputValue()).includes('DAP=false'), 'no delegated admin until asked');
    await dialog.getByRole('checkbox', { name: zh['partners.draft.delegatedAdmin'] }).check();
    await assertEventually(async () => (await body.inputValue()).includes('DAP=true'));
    const text = await body.inputValue();
    const link = /(http\S+\/#\/customer-invitations\?\S+)/.exec(text)?.[1];
    assert.ok(link, `the draft email carries the link: ${text}`);
    const query = new URLSearchParams(new URL(link).hash.split('?')[1]);
    assert.equal(query.get('invType'), 'IndirectResellerRelationship');
    assert.equal(query.get('partnerId'), reseller.tenantId);
    assert.equal(query.get('indirectCSPId'), provider.tenantId);
    assert.equal(query.get('DAP'), 'true');
    await dialog.getByRole('button', { name: zh['partners.draft.done'] }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The customer's Global admin, in Russian, in another browser context (its own cookies),
    // opens the email's link signed out, signs in and accepts.
    const customerContext = await portal.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const customerPage = await customerContext.newPage();
    await customerPage.goto(`${portal.server.url}/${new URL(link).hash}`);
    await customerPage.getByLabel(en['shell.language']).selectOption('ru');
    await heading(customerPage, ru['invitation.title']).waitFor();
    await customerPage.getByText(ru['invitation.intro.joint']).waitFor();
    await customerPage.getByText(ru['invitation.link.adminRights.yes']).waitFor();
    await customerPage.getByRole('button', { name: ru['invitation.signedOut.signIn'] }).click();
    await signIn(customerPage, adminUserName, PASSWORD, ru);
    await customerPage
      .getByText(fill(ru['invitation.invites.joint'], { reseller: reseller.name, provider: provider.name }))
      .waitFor();
    await customerPage.getByText(ru['invitation.adminRights.asked']).waitFor();
    await customerPage.getByRole('button', { name: ru['invitation.accept'] }).click();
    await customerPage.getByRole('heading', { name: ru['invitation.accepted.title'] }).waitFor();
    await customerPage.getByText(fill(ru['invitation.accepted.partnerWithAdmin'], { name: reseller.name })).waitFor();
    await customerPage.getByText(fill(ru['invitation.accepted.partnerWithAdmin'], { name: provider.name })).waitFor();
    await customerContext.close();

    // What the customer's tenant now holds (the API, as the admin reads it).
    const res = await fetch(`${portal.server.url}/v1/customertenant/partners`, {
      headers: { Authorization: `Bearer ${await customerUserToken(portal.server.url, adminUserName)}` },
    });
    assert.equal(res.status, 200);
    const byName = Object.fromEntries((await res.json()).items.map((p) => [p.name, p]));
    assert.equal(byName[reseller.name]?.delegatedAdmin, true);
    assert.equal(byName[reseller.name]?.indirectProviderId, provider.tenantId);
    assert.equal(byName[provider.name]?.indirectResellerId, reseller.tenantId);

    // Contoso, back in its own context (still signed in, still in Traditional Chinese), finds the
    // customer on its Customers page.
    await menu.getByRole('link', { name: zh['customers.nav'] }).click();
    await heading(resellerPage, zh['customers.title']).waitFor();
    await resellerPage.getByLabel(zh['customers.search.label']).fill(COMPANY);
    await resellerPage.getByRole('button', { name: zh['customers.search.submit'] }).click();
    await resellerPage
      .getByRole('table', { name: zh['customers.table.label'] })
      .getByRole('row')
      .filter({ hasText: COMPANY })
      .waitFor();
    await resellerPage.context().close();

    // Northwind orders for it: Customer page → Subscriptions → Add subscription. The first order
    // for an invited customer needs the customer agreement attested; here that is done through the
    // API (support/api.mjs attestAgreement), since agreement.test.mjs walks the Account tab's form.
    await attestAgreement(portal.server.url, provider, customer.id);
    const providerPage = await openCustomerLink(portal, 'GlobalAdmin', COMPANY, 'customers.links.subscriptions');
    await providerPage.getByRole('button', { name: en['customer.subscriptions.add'] }).click();
    await providerPage.getByRole('checkbox', { name: 'Office Business Basic', exact: true }).check();
    await providerPage
      .getByLabel(fill(en['addCustomer.subscriptions.quantity'], { offer: 'Office Business Basic' }))
      .fill('3');
    await providerPage.getByRole('button', { name: en['customer.subscriptions.order'] }).click();
    const row = providerPage
      .getByRole('table', { name: en['customer.tab.subscriptions'] })
      .getByRole('row')
      .filter({ hasText: 'Office Business Basic' });
    await row.waitFor();
    await row.getByRole('cell', { name: '3', exact: true }).waitFor(); // the quantity ordered
    await providerPage.context().close();
  });
});
