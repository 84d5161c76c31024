// Every page of the portal, in one list: the accessibility check and the screenshots
// (tests/browser/pages-*.test.mjs) visit each one in en and zh-TW, at desktop and phone width, and
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
import {
  PASSWORD,
  adminToken,
  customerInvitationLink,
  customerWithAdmin,
  customerWithE3,
  demoUser,
  post,
} from './api.mjs';
import { fill } from './portal.mjs';

const h1 = (page, name) => page.getByRole('heading', { name, level: 1 });

/** The data the pages show, made through the public API once per run. */
export async function makePageData(portal) {
  const url = portal.server.url;
  const { provider, reseller, demo } = portal;
  const direct = demo.partners[3]; // Tailspin Direct: a direct-bill partner
  const unpartnered = demo.partners[2]; // Fabrikam Solutions: an indirect reseller with no provider yet
  const { customer, order } = await customerWithE3(url, provider, 'relecloudhotels', 'Relecloud Hotels', 12);
  const token = await adminToken(url, provider);
  const temporary = await post(url, token, '/v1/users', {
    userPrincipalName: 'firstday@northwinddist.onmicrosoft.com',
    displayName: 'First Day',
    roles: ['SalesAgent'],
  });
  // A customer with no users but its admin, for Upload users (whose results add users).
  const { customer: uploadCustomer } = await customerWithE3(url, provider, 'bellowscollege', 'Bellows College', 0);
  // A customer's Global admin (its customer made by a direct partner) with a joint link open.
  const { adminUserName: inviteeAdmin } = await customerWithAdmin(url, direct, 'cohovineyard', 'Coho Vineyard');
  const invitationLink = await customerInvitationLink(url, reseller, {
    delegatedAdmin: true,
    indirectProviderId: provider.tenantId,
  });
  // A provider's partnership link (its token in the path: the portal takes it out at once).
  const partnershipLink = (await post(url, token, '/v1/relationships/invitations', {})).url;
  return {
    customer,
    uploadCustomer,
    subscriptionId: order.lineItems[0].subscriptionId,
    invitationPath: new URL(invitationLink).hash.slice(1), // "/customer-invitations?…", as main.tsx routes it
    partnershipPath: new URL(partnershipLink).hash.slice(1), // "/partnerships/accept/<token>"
    providerName: provider.name,
    resellerName: reseller.name,
    users: {
      reseller: { userPrincipalName: demoUser(reseller, 'GlobalAdmin').userPrincipalName, password: PASSWORD },
      unpartneredReseller: {
        userPrincipalName: demoUser(unpartnered, 'GlobalAdmin').userPrincipalName,
        password: PASSWORD,
      },
      invitee: { userPrincipalName: inviteeAdmin, password: PASSWORD },
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
const partnerRow = (page, t, table, name) =>
  page.getByRole('table', { name: t[table] }).getByRole('row').filter({ hasText: name });
const tableRow = (page, t, table) => page.getByRole('table', { name: t[table] }).getByRole('row').nth(1);

/** Upload users, a file chosen (one good row, one not imported), and its results shown. */
async function uploadWithResults(page, t, run) {
  await page.getByRole('button', { name: t['customer.users.upload'] }).click();
  await page.getByRole('heading', { name: t['customer.upload.title'] }).waitFor();
  const user = `megan.${run.lang.replace('-', '').toLowerCase()}@bellowscollege.onmicrosoft.com`;
  await page.getByLabel(t['customer.upload.file']).setInputFiles({
    name: 'users.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'First name,Last name,Display name,Email,Status update',
        `Megan,Bowen,Megan Bowen,${user},`,
        'Eve,Other,Eve Other,eve@elsewhere.example,',
        '',
      ].join('\r\n'),
    ),
  });
  await page.getByRole('button', { name: t['customer.upload.submit'], exact: true }).click();
  await page
    .getByRole('table', { name: t['customer.upload.results'] })
    .getByRole('cell', { name: t['customer.upload.rowCreated'] })
    .waitFor();
}

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
    name: 'indirect-resellers',
    title: 'Indirect resellers (a provider)',
    user: 'provider',
    path: '/indirect-resellers',
    ready: (page, t, data) => partnerRow(page, t, 'partners.resellers.table', data.resellerName),
  },
  {
    name: 'indirect-resellers-request',
    title: 'Indirect resellers: Request a partnership (the draft email)',
    user: 'provider',
    path: '/indirect-resellers',
    ready: (page, t, data) => partnerRow(page, t, 'partners.resellers.table', data.resellerName),
    open: async (page, t) => {
      await page.getByRole('button', { name: t['partners.request.open'] }).click();
      const body = page.getByRole('dialog').getByLabel(t['partners.draft.body']);
      await body.waitFor();
      await page.waitForFunction((el) => el.value.includes('/partnerships/accept/'), await body.elementHandle());
    },
  },
  {
    name: 'indirect-providers',
    title: 'Indirect providers (a reseller)',
    user: 'reseller',
    path: '/indirect-providers',
    ready: (page, t, data) => partnerRow(page, t, 'partners.providers.table', data.providerName),
  },
  {
    name: 'indirect-providers-invite',
    title: 'Indirect providers: Invite new customers (the joint link)',
    user: 'reseller',
    path: '/indirect-providers',
    ready: (page, t, data) => partnerRow(page, t, 'partners.providers.table', data.providerName),
    open: async (page, t, data) => {
      await partnerRow(page, t, 'partners.providers.table', data.providerName)
        .getByRole('button', { name: t['partners.providers.invite'] })
        .click();
      const body = page.getByRole('dialog').getByLabel(t['partners.draft.body']);
      await body.waitFor();
      await page.waitForFunction((el) => el.value.includes('invType='), await body.elementHandle());
    },
  },
  {
    name: 'partnership-accept',
    title: "Accept a partnership (a provider's link opened by a reseller)",
    user: 'unpartneredReseller',
    path: (data) => data.partnershipPath,
    ready: (page, t) => page.getByRole('button', { name: t['partners.accept.submit'] }),
  },
  {
    name: 'customer-invitation-signed-out',
    title: "A partner's invitation link, signed out",
    user: null,
    path: (data) => data.invitationPath,
    ready: (page, t) => page.getByRole('button', { name: t['invitation.signedOut.signIn'] }),
  },
  {
    name: 'customer-invitation-signup',
    title: "A partner's invitation link: Create your company's account",
    user: null,
    path: (data) => data.invitationPath,
    ready: (page, t) => page.getByRole('button', { name: t['invitation.signedOut.signUp'] }),
    open: async (page, t) => {
      await page.getByRole('button', { name: t['invitation.signedOut.signUp'] }).click();
      await page.getByRole('button', { name: t['invitation.signup.submit'] }).waitFor();
    },
  },
  {
    name: 'customer-invitation',
    title: "A partner's invitation link, signed in as the customer's Global admin",
    user: 'invitee',
    path: (data) => data.invitationPath,
    ready: (page, t) => page.getByRole('button', { name: t['invitation.accept'] }),
  },
  {
    name: 'customer-partners',
    title: "A customer's Partners (its Global admin)",
    user: 'customerAdmin',
    path: '/organization/partners',
    ready: (page, t) => page.getByRole('article').first(),
  },
  {
    name: 'activity-log',
    title: 'Activity log',
    user: 'provider',
    path: '/activity-log',
    ready: (page, t) => tableRow(page, t, 'activityLog.table.label'),
  },
  {
    name: 'activity-log-expanded',
    title: 'Activity log: a record expanded',
    user: 'provider',
    path: '/activity-log',
    ready: (page, t) => tableRow(page, t, 'activityLog.table.label'),
    open: async (page, t) => {
      await tableRow(page, t, 'activityLog.table.label').getByRole('button').first().click();
      await page.getByRole('definition').first().waitFor();
    },
  },
  {
    name: 'partner-users',
    title: 'Partner users',
    user: 'provider',
    path: '/partner-users',
    ready: (page, t) => tableRow(page, t, 'partnerUsers.table.label'),
  },
  {
    name: 'partner-users-add',
    title: 'Partner users: Add user',
    user: 'provider',
    path: '/partner-users',
    ready: (page, t) => tableRow(page, t, 'partnerUsers.table.label'),
    open: async (page, t) => {
      await page.getByRole('button', { name: t['partnerUsers.add'] }).click();
      await page.getByRole('dialog').getByRole('button', { name: t['partnerUsers.add.submit'] }).waitFor();
    },
  },
  {
    name: 'app-registrations',
    title: 'App registrations',
    user: 'provider',
    path: '/app-registrations',
    ready: (page, t) => tableRow(page, t, 'appRegistrations.table.label'),
  },
  {
    name: 'app-registrations-register',
    title: 'App registrations: Register app',
    user: 'provider',
    path: '/app-registrations',
    ready: (page, t) => tableRow(page, t, 'appRegistrations.table.label'),
    open: async (page, t) => {
      await page.getByRole('button', { name: t['appRegistrations.register'] }).click();
      await page.getByRole('dialog').getByLabel(t['appRegistrations.field.name']).waitFor();
    },
  },
  {
    name: 'customer-users-upload',
    title: 'Customer: Upload users, the results of a file',
    user: 'provider',
    path: (data) => `/customers/${data.uploadCustomer.id}/users`,
    ready: (page, t) => page.getByRole('table', { name: t['customer.tab.users'] }).getByRole('row').nth(1),
    open: (page, t, data, run) => uploadWithResults(page, t, run),
  },
  {
    name: 'customer-users-licenses',
    title: 'Customer: Users and licenses, the Licenses dialog',
    user: 'provider',
    path: customerPath('users'),
    ready: (page, t) => page.getByRole('table', { name: t['customer.tab.users'] }).getByRole('row').nth(1),
    open: async (page, t) => {
      await page.getByRole('button').filter({ hasText: t['customer.users.licenses'] }).first().click();
      await page.getByRole('dialog').getByRole('checkbox').first().waitFor();
    },
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
