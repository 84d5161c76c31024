// What every browser test file needs: one server and one browser for the file (before/after
// hooks), a fresh context (cookie jar) per page, signing in as a person does, and the catalogs.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { PASSWORD, demoCredentials, demoUser } from './api.mjs';
import { launchBrowser } from './browser.mjs';
import { messages } from './messages.mjs';
import { BINARY, startServer } from './server.mjs';

export const en = messages('en');
export const ru = messages('ru');
export const zh = messages('zh-TW');

/** Starts the server and the browser for this file; the returned object fills in before tests run. */
export function usePortal() {
  const portal = { server: null, browser: null, demo: demoCredentials(BINARY) };
  portal.provider = portal.demo.partners[0]; // Northwind Distribution: indirect provider
  portal.reseller = portal.demo.partners[1]; // Contoso Reseller: partnered with Northwind
  before(async () => {
    portal.server = await startServer();
    portal.browser = await launchBrowser();
  });
  after(async () => {
    await portal.browser?.close();
    await portal.server?.stop();
  });
  portal.newPage = async (viewport = { width: 1280, height: 900 }) => {
    const context = await portal.browser.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(portal.server.url);
    return page;
  };
  return portal;
}

export async function signIn(page, username, password = PASSWORD, t = en) {
  await page.getByLabel(t['signin.username']).fill(username);
  await page.getByLabel(t['signin.password']).fill(password);
  await page.getByRole('button', { name: t['signin.submit'] }).click();
}

export async function signInAs(page, partner, role, t = en) {
  await signIn(page, demoUser(partner, role).userPrincipalName, PASSWORD, t);
}

export const heading = (page, text) => page.getByRole('heading', { name: text, level: 1 });

/** Matches a label that begins with `text` ("New password" and not "Confirm the new password"). */
export function startsWith(text) {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/** `message` with its {placeholders} filled in (plain ones only). */
export function fill(message, values) {
  return message.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
}

export async function assertEventually(check, timeout = 5000) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A new page signed in as `role` of the provider in language `t`, on the customer's `link` quick link. */
export async function openCustomerLink(portal, role, name, link, t = en) {
  const page = await portal.newPage();
  if (t !== en) await page.getByLabel(en['shell.language']).selectOption(t === ru ? 'ru' : 'zh-TW');
  await signInAs(page, portal.provider, role, t);
  await heading(page, t['customers.title']).waitFor();
  await page.getByLabel(t['customers.search.label']).fill(name);
  await page.getByRole('button', { name: t['customers.search.submit'] }).click();
  await page.getByRole('button', { name: fill(t['customers.table.details'], { name }) }).click();
  await page.getByRole('link', { name: t[link] }).click();
  await heading(page, name).waitFor();
  return page;
}
