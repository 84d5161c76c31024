// The portal's own catalogs, so that tests find controls by the text a person reads in each
// language without copying the translations.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const features = new URL('../../../src/features/', import.meta.url).pathname;

export function messages(locale) {
  const merged = {};
  for (const feature of readdirSync(features)) {
    try {
      Object.assign(merged, JSON.parse(readFileSync(join(features, feature, 'messages', `${locale}.json`), 'utf8')));
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
  }
  return merged;
}
