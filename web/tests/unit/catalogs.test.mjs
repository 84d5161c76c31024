// The i18n catalog check (catalog-check.mjs) on the real portal, and on bad examples to show
// that it catches each kind of mistake.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { checkFeatureCatalogs, checkTree, errorContexts, hardCodedStrings, keysUsed } from './catalog-check.mjs';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

test('the portal has every string in every locale, and no visible text outside the catalogs', () => {
  assert.deepEqual(checkTree(src), []);
});

test('a key missing from one locale, or extra in it, is reported', () => {
  const problems = checkFeatureCatalogs('demo', {
    en: { 'demo.a': 'A', 'demo.b': 'B' },
    ru: { 'demo.a': 'А', 'demo.c': 'В' },
    'zh-TW': { 'demo.a': '甲', 'demo.b': '乙' },
  });
  assert.deepEqual(problems, ['demo/ru: key demo.b is missing', 'demo/ru: key demo.c is extra (not in en)']);
});

test('a missing locale file, a key of another feature and bad ICU are reported', () => {
  const problems = checkFeatureCatalogs('demo', {
    en: { 'demo.a': 'Hello {name', 'other.b': 'B' },
    ru: { 'demo.a': 'Привет', 'other.b': 'Б' },
  });
  assert.ok(
    problems.some((p) => p.includes('demo.a is not valid ICU')),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => p.includes('other.b must start with "demo."')),
    problems.join('\n'),
  );
  assert.ok(problems.includes('demo: messages/zh-TW.json is missing'), problems.join('\n'));
});

test('placeholders must match across locales', () => {
  const problems = checkFeatureCatalogs('demo', {
    en: { 'demo.count': '{count, plural, one {# customer} other {# customers}}' },
    ru: { 'demo.count': '{n, plural, one {# клиент} other {# клиентов}}' },
    'zh-TW': { 'demo.count': '{count, plural, other {# 位客戶}}' },
  });
  assert.deepEqual(problems, ['demo/ru: demo.count uses {n} but en uses {count}']);
});

test('visible text written in a component is found; text from t() is not', () => {
  const bad = `
    export function Page() {
      const [items] = useState<Customer[]>([]);
      return (<>
        <Button onClick={go}>Sign in</Button>
        <Field label="User name"><Input placeholder='you@example.com' /></Field>
        <Text>{t('demo.ok')}</Text>
        <Button aria-label={t('demo.close')} title="Закрыть" />
        <p>登入</p>
      </>);
    }`;
  assert.deepEqual(hardCodedStrings(bad), ['Sign in', '登入', 'User name', 'you@example.com', 'Закрыть']);
  assert.deepEqual(hardCodedStrings(`const a: Promise<void> = f(); // <b>comment</b>`), []);
});

test('a key the code names must exist', () => {
  assert.deepEqual(keysUsed(`t('customers.title'); t("shell.x"); const u = 'other.y';`, ['customers', 'shell']), [
    'customers.title',
    'shell.x',
  ]);
});

test("a feature's wording of an error code needs an ErrorBar with its context, and a context needs wordings", () => {
  assert.deepEqual(errorContexts(`<ErrorBar error={e} context="partners" />; <ErrorBar error={f} />`), ['partners']);
  const root = mkdtempSync(join(tmpdir(), 'catalogs-'));
  try {
    const feature = (name, messages, page) => {
      mkdirSync(join(root, 'features', name, 'messages'), { recursive: true });
      for (const locale of ['en', 'ru', 'zh-TW']) {
        writeFileSync(join(root, 'features', name, 'messages', `${locale}.json`), JSON.stringify(messages));
      }
      writeFileSync(join(root, 'features', name, 'Page.tsx'), page);
    };
    feature('demo', { 'demo.error.700204': 'Only providers.' }, `<ErrorBar error={e} />`);
    feature('other', { 'other.title': 'Other' }, `<ErrorBar error={e} context="othr" />`);
    assert.deepEqual(checkTree(root), [
      `${join('features', 'other', 'Page.tsx')}: ErrorBar context="othr", but no catalog has othr.error.<code> keys`,
      'key demo.error.700204 is never shown: no ErrorBar passes context="demo"',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
