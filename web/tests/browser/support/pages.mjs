// Every page of the portal, in one list: the accessibility check and the screenshots
// (tests/browser/pages.test.mjs) visit each one in en and zh-TW, at desktop and phone width, and
// docs/screenshots/README.md is written from it.
//
// ADDING A PAGE IS ONE ENTRY HERE (and, when it needs data, a line in makePageData):
//   name      the screenshots' file name prefix (docs/screenshots/<name>-<lang>-<viewport>.png)
//   title     what the page is, for the index (English)
//   user      who signs in to see it: a key of `data.users` (null: signed out)
//   path      where it is: a string, or (data) => string built from what makePageData made
//   ready     (page, t, data) => a locator that shows the page's content has come
//   open      optional (page, t, data, run) => a step to a state worth seeing (a dialog, an
//             expanded row, a wizard step); `run` names this visit ({ lang }), for
//             data that must be unique per visit. Wait for the state's content before returning.
import { PASSWORD, adminToken, customerWithE3, demoUser, post } from './api.mjs';
import { fill } from './portal.mjs';

const h1 = (page, name) => page.getByRole('heading', { name, level: 1 });

/** The data the pages show, made through the public API once per run. */
export async function makePageData(portal) {
  const url = portal.server.url;
  const { provider, demo } = portal;
  const { customer, order } = await customerWithE3(url, provider, 'relecloudhotels', 'Relecloud Hotels', 12);
  const token = await adminToken(url, provider);
  const temporary = await post(url, token, '/v1/users', {
    userPrincipalName: 'firstday@northwinddist.onmicrosoft.com',
    displayName: 'First Day',
    roles: ['SalesAgent'],
  });
  return {
    customer,
    subscriptionId: order.lineItems[0].subscriptionId,
    users: {
      provider: { userPrincipalName: demoUser(provider, 'GlobalAdmin').userPrincipalName, password: PASSWORD },
      customerAdmin: { userPrincipalName: demo.customers[0].admin.userPrincipalName, password: PASSWORD },
      temporaryPassword: {
        userPrincipalName: temporary.userPrincipalName,
        password: temporary.passwordProfile.password,
      },
    },
  };
}

// The Add customer wizard, step by step (each step's entry walks the steps before it).
async function wizardAccount(page, t, run) {
  const field = (key) => page.getByLabel(t[key], { exact: false });
  await field('addCustomer.field.companyName').fill('Trey Research');
  await field('addCustomer.field.domain').fill(`treyresearch${run.lang.replace('-', '')}`.toLowerCase());
  await field('addCustomer.field.firstName').fill('Jonas');
  await field('addCustomer.field.lastName').fill('Berg');
  await field('addCustomer.field.email').fill('jonas@treyresearch.example');
  await field('addCustomer.field.addressLine1').fill('1 Harbor Way');
  await field('addCustomer.field.city').fill('Seattle');
  await field('addCustomer.field.state').fill('WA');
  await field('addCustomer.field.postalCode').fill('98101');
  await page.getByText(t['addCustomer.domain.free']).waitFor();
  await page.getByRole('button', { name: t['addCustomer.next.subscriptions'] }).click();
  await h1(page, fill(t['addCustomer.title'], { step: t['addCustomer.step.subscriptions'] })).waitFor();
  await page.getByRole('checkbox', { name: 'Office Enterprise E3' }).waitFor();
}

async function wizardSubscriptions(page, t, run) {
  await wizardAccount(page, t, run);
  await page.getByRole('checkbox', { name: 'Office Enterprise E3' }).check();
  await page.getByLabel(fill(t['addCustomer.subscriptions.quantity'], { offer: 'Office Enterprise E3' })).fill('25');
  await page.getByRole('button', { name: t['addCustomer.next.review'] }).click();
  await h1(page, fill(t['addCustomer.title'], { step: t['addCustomer.step.review'] })).waitFor();
}

async function wizardSubmit(page, t, run) {
  await wizardSubscriptions(page, t, run);
  await page.getByRole('button', { name: t['addCustomer.submit'] }).click();
  await h1(page, t['addCustomer.step.done']).waitFor();
}

const customerPath = (tab) => (data) => `/customers/${data.customer.id}/${tab}`;

export const PAGES = [
  {
    name: 'sign-in',
    title: 'Sign in',
    user: null,
    path: '/',
    ready: (page, t) => h1(page, t['signin.title']),
  },
  {
    name: 'sign-in-error',
    title: 'Sign in: a wrong password',
    user: null,
    path: '/',
    ready: (page, t) => h1(page, t['signin.title']),
    open: async (page, t, data) => {
      await page.getByLabel(t['signin.username']).fill(data.users.provider.userPrincipalName);
      await page.getByLabel(t['signin.password']).fill('not-the-password');
      await page.getByRole('button', { name: t['signin.submit'] }).click();
      await page.getByRole('alert').filter({ hasText: t['errors.code.700102'] }).waitFor();
    },
  },
  {
    name: 'change-password',
    title: 'Change password (first sign-in with a temporary password)',
    user: 'temporaryPassword',
    path: '/',
    ready: (page, t) => h1(page, t['signin.changePassword.title']),
  },
  {
    name: 'customers',
    title: 'Customers',
    user: 'provider',
    path: '/customers',
    ready: (page, t) => page.getByRole('table', { name: t['customers.table.label'] }).getByRole('row').nth(1),
  },
  {
    name: 'customers-expanded',
    title: 'Customers: a row expanded (tenant ID, domain, quick links)',
    user: 'provider',
    path: '/customers',
    ready: (page, t) => page.getByRole('table', { name: t['customers.table.label'] }).getByRole('row').nth(1),
    open: async (page, t) => {
      await page.getByRole('table', { name: t['customers.table.label'] }).getByRole('button').first().click();
      await page.getByRole('link', { name: t['customers.links.account'], exact: true }).waitFor();
    },
  },
  {
    name: 'customers-request-relationship',
    title: 'Customers: Request a reseller relationship',
    user: 'provider',
    path: '/customers',
    ready: (page, t) => page.getByRole('button', { name: t['customers.request.open'] }),
    open: async (page, t) => {
      await page.getByRole('button', { name: t['customers.request.open'] }).click();
      await page.getByRole('dialog').getByRole('textbox').last().waitFor();
    },
  },
  {
    name: 'add-customer-account',
    title: 'Add customer: account info',
    user: 'provider',
    path: '/customers/new',
    ready: (page, t) => h1(page, fill(t['addCustomer.title'], { step: t['addCustomer.step.account'] })),
  },
  {
    name: 'add-customer-account-errors',
    title: 'Add customer: account info with errors',
    user: 'provider',
    path: '/customers/new',
    ready: (page, t) => h1(page, fill(t['addCustomer.title'], { step: t['addCustomer.step.account'] })),
    open: async (page, t) => {
      await page.getByLabel(t['addCustomer.field.email'], { exact: false }).fill('not-an-address');
      await page.getByRole('button', { name: t['addCustomer.next.subscriptions'] }).click();
      await page.getByText(t['addCustomer.error.email']).waitFor();
    },
  },
  {
    name: 'add-customer-subscriptions',
    title: 'Add customer: subscriptions',
    user: 'provider',
    path: '/customers/new',
    ready: (page, t) => h1(page, fill(t['addCustomer.title'], { step: t['addCustomer.step.account'] })),
    open: (page, t, data, run) => wizardAccount(page, t, run),
  },
  {
    name: 'add-customer-review',
    title: 'Add customer: review',
    user: 'provider',
    path: '/customers/new',
    ready: (page, t) => h1(page, fill(t['addCustomer.title'], { step: t['addCustomer.step.account'] })),
    open: (page, t, data, run) => wizardSubscriptions(page, t, run),
  },
  {
    name: 'add-customer-confirmation',
    title: 'Add customer: confirmation (the temporary password, once)',
    user: 'provider',
    path: '/customers/new',
    ready: (page, t) => h1(page, fill(t['addCustomer.title'], { step: t['addCustomer.step.account'] })),
    open: (page, t, data, run) => wizardSubmit(page, t, run),
  },
  {
    name: 'customer-subscriptions',
    title: 'Customer: Subscriptions',
    user: 'provider',
    path: customerPath('subscriptions'),
    ready: (page) => page.getByRole('link', { name: 'Office Enterprise E3' }),
  },
  {
    name: 'customer-subscriptions-add',
    title: 'Customer: Subscriptions, Add subscription',
    user: 'provider',
    path: customerPath('subscriptions'),
    ready: (page) => page.getByRole('link', { name: 'Office Enterprise E3' }),
    open: async (page, t) => {
      await page.getByRole('button', { name: t['customer.subscriptions.add'] }).click();
      await page.getByRole('checkbox', { name: 'Office Business Basic', exact: true }).waitFor();
    },
  },
  {
    name: 'customer-users',
    title: 'Customer: Users and licenses',
    user: 'provider',
    path: customerPath('users'),
    ready: (page, t) => page.getByRole('table', { name: t['customer.tab.users'] }).getByRole('row').nth(1),
  },
  {
    name: 'customer-users-add',
    title: 'Customer: Users and licenses, Add user',
    user: 'provider',
    path: customerPath('users'),
    ready: (page, t) => page.getByRole('table', { name: t['customer.tab.users'] }).getByRole('row').nth(1),
    open: async (page, t) => {
      await page.getByRole('button', { name: t['customer.users.add'] }).click();
      await page.getByRole('button', { name: t['customer.users.create'] }).click();
      await page.getByText(t['addCustomer.error.required']).first().waitFor();
    },
  },
  {
    name: 'customer-account',
    title: 'Customer: Account',
    user: 'provider',
    path: customerPath('account'),
    ready: (page, t) => page.getByRole('button', { name: t['customer.account.update'] }),
  },
  {
    name: 'subscription',
    title: 'Subscription details',
    user: 'provider',
    path: (data) => `/customers/${data.customer.id}/subscriptions/${data.subscriptionId}`,
    ready: (page, t) => page.getByRole('region', { name: t['customer.subscriptions.quantity'] }),
  },
  {
    name: 'customer-home',
    title: "A customer user's home",
    user: 'customerAdmin',
    path: '/home',
    ready: (page, t) => h1(page, t['shell.home.title']),
  },
  {
    name: 'not-found',
    title: 'Not found',
    user: 'provider',
    path: '/no-such-page',
    ready: (page, t) => page.getByText(t['shell.notFound']),
  },
];
