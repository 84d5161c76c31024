// The message catalog rules (docs/portal.md, "Strings"), as functions the tests run on the real
// tree and on small bad examples:
// - every feature has messages/<locale>.json for every locale, with the same keys and the same
//   {placeholders}, each key prefixed with the feature's name, each message valid ICU syntax;
// - every catalog key the code names exists;
// - a feature's own wording of an API error code (`<feature>.error.<digits>`, which errorText looks
//   up as `${context}.error.${code}`, so no code names it literally) is reachable: some
//   `<ErrorBar context="<feature>">` passes that feature; and every context passed has such keys;
// - no visible text is written in a component: JSX text and the text attributes a person sees
//   (label, placeholder, title, aria-label, alt, hint, content, validationMessage) come from t().
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const LOCALES = ['en', 'ru', 'zh-TW'];

/** The ICU arguments a message uses ({name}, {count, plural, …}), sorted. */
export function argumentsOf(message) {
  const names = new Set();
  const walk = (elements) => {
    for (const el of elements) {
      if (
        el.type === TYPE.argument ||
        el.type === TYPE.number ||
        el.type === TYPE.date ||
        el.type === TYPE.time ||
        el.type === TYPE.plural ||
        el.type === TYPE.select
      ) {
        names.add(el.value);
      }
      if (el.options) for (const option of Object.values(el.options)) walk(option.value);
      if (el.children) walk(el.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

/** Problems in one feature's catalogs: { [locale]: { key: message } }. */
export function checkFeatureCatalogs(feature, catalogs) {
  const problems = [];
  const en = catalogs.en ?? {};
  for (const locale of LOCALES) {
    const messages = catalogs[locale];
    if (!messages) {
      problems.push(`${feature}: messages/${locale}.json is missing`);
      continue;
    }
    for (const key of Object.keys(en)) {
      if (!(key in messages)) problems.push(`${feature}/${locale}: key ${key} is missing`);
    }
    for (const [key, message] of Object.entries(messages)) {
      if (!(key in en)) problems.push(`${feature}/${locale}: key ${key} is extra (not in en)`);
      if (!key.startsWith(`${feature}.`)) {
        problems.push(`${feature}/${locale}: key ${key} must start with "${feature}."`);
      }
      if (typeof message !== 'string' || message.trim() === '') {
        problems.push(`${feature}/${locale}: ${key} is empty`);
        continue;
      }
      let args;
      try {
        args = argumentsOf(message);
      } catch (e) {
        problems.push(`${feature}/${locale}: ${key} is not valid ICU: ${e.message}`);
        continue;
      }
      if (key in en && locale !== 'en') {
        let enArgs = [];
        try {
          enArgs = argumentsOf(en[key]);
        } catch {
          continue; // reported for en
        }
        if (args.join() !== enArgs.join()) {
          problems.push(`${feature}/${locale}: ${key} uses {${args}} but en uses {${enArgs}}`);
        }
      }
    }
  }
  return problems;
}

function stripComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Visible text written straight into a component's source (not from the catalogs). */
export function hardCodedStrings(source) {
  const code = stripComments(source);
  const found = [];
  const letter = /\p{L}/u;
  // Text between a JSX tag's end and the next tag: ">Sign in<". TypeScript generics such as
  // "useState<Customer[]>(" never have letters right after ">" and before "<" with no code
  // punctuation in between; nor do comparisons ("a > 0 && b < c") or arrows ("=> Promise<void>").
  for (const m of code.matchAll(/(?<![=-])>([^<>{}();=`&|]*)</g)) {
    const text = m[1].trim();
    if (letter.test(text)) found.push(text);
  }
  const attributes = 'label|placeholder|title|aria-label|alt|hint|content|validationMessage';
  for (const m of code.matchAll(new RegExp(`\\b(?:${attributes})=(["'])([^"']*)\\1`, 'g'))) {
    if (letter.test(m[2])) found.push(m[2]);
  }
  return found;
}

/** Catalog keys the code names as string literals ('customers.title'), for the given features. */
export function keysUsed(source, features) {
  const pattern = new RegExp(`['"]((?:${features.join('|')})\\.[A-Za-z0-9_.-]+)['"]`, 'g');
  return [...stripComments(source).matchAll(pattern)].map((m) => m[1]);
}

/** The features ErrorBars are told to word errors for: `context="partners"`. */
export function errorContexts(source) {
  return [...stripComments(source).matchAll(/\bcontext=(["'])([\w-]+)\1/g)].map((m) => m[2]);
}

/** A feature's own wording of an API error code, which errorText finds by the feature's name. */
const CONTEXT_KEY = /^([\w-]+)\.error\.\d+$/;

export function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(tsx?|mts)$/.test(name)) out.push(path);
  }
  return out;
}

/** Every problem in the portal's tree under `src`. */
export function checkTree(src) {
  const problems = [];
  const featuresDir = join(src, 'features');
  const features = readdirSync(featuresDir).filter((f) => {
    try {
      return statSync(join(featuresDir, f, 'messages')).isDirectory();
    } catch {
      return false;
    }
  });
  const en = {};
  for (const feature of features) {
    const catalogs = {};
    for (const locale of LOCALES) {
      try {
        catalogs[locale] = JSON.parse(readFileSync(join(featuresDir, feature, 'messages', `${locale}.json`), 'utf8'));
      } catch (e) {
        if (e.code !== 'ENOENT') problems.push(`${feature}/${locale}: ${e.message}`);
      }
    }
    Object.assign(en, catalogs.en ?? {});
    problems.push(...checkFeatureCatalogs(feature, catalogs));
  }
  const contexts = new Set();
  for (const file of sourceFiles(src)) {
    const source = readFileSync(file, 'utf8');
    const where = relative(src, file);
    for (const context of errorContexts(source)) {
      contexts.add(context);
      if (!Object.keys(en).some((key) => key.match(CONTEXT_KEY)?.[1] === context)) {
        problems.push(`${where}: ErrorBar context="${context}", but no catalog has ${context}.error.<code> keys`);
      }
    }
    for (const key of keysUsed(source, features)) {
      if (!(key in en)) problems.push(`${where}: names the key ${key}, which no catalog has`);
    }
    if (file.endsWith('.tsx')) {
      for (const text of hardCodedStrings(source)) {
        problems.push(`${where}: visible text not from a catalog: "${text}"`);
      }
    }
  }
  for (const key of Object.keys(en)) {
    const context = key.match(CONTEXT_KEY)?.[1];
    if (context && !contexts.has(context)) {
      problems.push(`key ${key} is never shown: no ErrorBar passes context="${context}"`);
    }
  }
  return problems;
}
