// Every page of the portal (support/pages.mjs) in one language, at desktop and phone width:
// axe-core finds no serious or critical violation, and a full-page screenshot is written to
// docs/screenshots/<page>-<lang>-<viewport>.png; the en run also writes their index,
// docs/screenshots/README.md. One file per language (pages-en.test.mjs, pages-zh-TW.test.mjs), so
// CTest runs the two side by side, each with its own server, browser and timeout; a context
// (cookie jar) per user, and each page is opened once and seen at both widths.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, describe, test } from 'node:test';

import { PAGES, makePageData } from './pages.mjs';
import { en, usePortal, zh } from './portal.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = new URL('../../../../docs/screenshots/', import.meta.url).pathname;
const LANGUAGES = [
  { lang: 'en', t: en },
  { lang: 'zh-TW', t: zh },
];
const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};
const BLOCKING = new Set(['serious', 'critical']);

/**
 * The violations axe-core finds in the page as it is now (axe injected once per document).
 * Left out: Fluent's focus helpers (tabster's `<i data-tabster-dummy aria-hidden tabindex=0>`
 * around a TabList, a Table, a Dialog): focusable on purpose, they only pass the focus on, and
 * are announced by no screen reader (microsoft/tabster#288; Accessibility Insights skips them too).
 */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes
          .filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy')))
          .map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }))
      .filter((v) => v.nodes.length > 0);
  });
}

function report(violations) {
  return violations
    .map(
      (v) =>
        `- ${v.viewport}: ${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

/** The tests of every page in `lang` (one of LANGUAGES), and with `writeIndex` the index. */
export function checkPages(lang, { writeIndex = false } = {}) {
  const { t } = LANGUAGES.find((l) => l.lang === lang);
  const portal = usePortal();
  mkdirSync(SHOTS, { recursive: true });
  let made = null; // the pages' data, made once by the first test that needs it
  const pageData = () => (made ??= makePageData(portal));

  describe(`pages in ${lang}`, () => {
    const signedIn = new Map(); // user key (or null) → a page signed in as that user

    /** A page of a context that chose `lang` as the portal remembers it, signed in as `user`. */
    async function pageFor(user) {
      if (signedIn.has(user)) return signedIn.get(user);
      const data = await pageData();
      const context = await portal.browser.newContext({
        viewport: VIEWPORTS.desktop,
        deviceScaleFactor: 1,
        locale: lang,
        bypassCSP: true, // axe-core is injected as an inline script, which the portal's CSP refuses
      });
      await context.addInitScript((l) => window.localStorage.setItem('csphub.language', l), lang);
      if (user) {
        // The portal's own sign-in call (its page is one of the pages): the session cookie lands
        // in this context's jar, and the pages opened next are signed in.
        const { userPrincipalName, password } = data.users[user];
        const tenant = userPrincipalName.slice(userPrincipalName.lastIndexOf('@') + 1);
        const res = await context.request.post(`${portal.server.url}/${tenant}/oauth2/v2.0/token`, {
          headers: { 'X-CSPHub-Client': 'portal' },
          form: { grant_type: 'password', client_id: 'csphub-portal', username: userPrincipalName, password },
        });
        assert.ok(res.ok(), `${userPrincipalName} signs in: ${res.status()} ${await res.text()}`);
      }
      const page = await context.newPage();
      signedIn.set(user, page);
      return page;
    }

    after(async () => {
      for (const page of signedIn.values()) await page.context().close();
    });

    // Each page is opened once per language, then seen at each width (the layout is CSS only).
    for (const entry of PAGES) {
      test(entry.name, async () => {
        const page = await pageFor(entry.user);
        const data = await pageData();
        await page.setViewportSize(VIEWPORTS.desktop);
        const path = typeof entry.path === 'function' ? entry.path(data) : entry.path;
        await page.goto(portal.server.url + path);
        await entry.ready(page, t, data).waitFor();
        if (entry.open) await entry.open(page, t, data, { lang });
        await page.locator('.fui-Spinner').first().waitFor({ state: 'detached' });
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        await page.evaluate(() => document.fonts.ready);
        const blocking = [];
        for (const [viewport, size] of Object.entries(VIEWPORTS)) {
          await page.setViewportSize(size);
          await page.screenshot({
            path: `${SHOTS}${entry.name}-${lang}-${viewport}.png`,
            fullPage: true,
            animations: 'disabled',
            caret: 'hide',
          });
          for (const v of await axeViolations(page)) if (BLOCKING.has(v.impact)) blocking.push({ viewport, ...v });
        }
        assert.equal(
          blocking.length,
          0,
          `${entry.name} (${lang}): serious or critical accessibility violations:\n${report(blocking)}`,
        );
      });
    }
  });

  if (writeIndex) test('docs/screenshots/README.md indexes every screenshot', writeScreenshotIndex(lang));
}

/** Writes the index of every page's screenshots in every language; checks `lang`'s were written. */
const writeScreenshotIndex = (lang) => () => {
  const columns = LANGUAGES.flatMap(({ lang }) => Object.keys(VIEWPORTS).map((viewport) => ({ lang, viewport })));
  const lines = [
    '# Screenshots of the portal',
    '',
    'Written by `web/tests/browser/pages-*.test.mjs` from the page list in',
    '`web/tests/browser/support/pages.mjs` (do not edit this file by hand: it is rewritten on every',
    'run). Desktop is 1280×800, phone 390×844, full page. The same run checks every page with',
    'axe-core (docs/portal.md, "Accessibility and screenshots").',
    '',
    `| Page | ${columns.map((c) => `${c.lang} ${c.viewport}`).join(' | ')} |`,
    `| --- | ${columns.map(() => '---').join(' | ')} |`,
  ];
  for (const entry of PAGES) {
    const cells = columns.map((c) => {
      const file = `${entry.name}-${c.lang}-${c.viewport}.png`;
      if (c.lang === lang) assert.ok(existsSync(SHOTS + file), `${file} was written`);
      return `<a href="${file}"><img src="${file}" width="160" alt="${entry.title}, ${c.lang}, ${c.viewport}"></a>`;
    });
    lines.push(`| ${entry.title} | ${cells.join(' | ')} |`);
  }
  writeFileSync(`${SHOTS}README.md`, `${lines.join('\n')}\n`);
};
