// Every feature keeps its strings in features/<feature>/messages/<locale>.json, keys prefixed
// with the feature's name, so that engineers adding pages never edit the same file. They are
// merged here, per locale, at build time.
import type { Locale } from './locales';

type Messages = Record<string, string>;

const files = import.meta.glob<Messages>('../features/*/messages/*.json', {
  eager: true,
  import: 'default',
});

export function messagesFor(locale: Locale): Messages {
  const merged: Messages = {};
  for (const [path, messages] of Object.entries(files)) {
    if (path.endsWith(`/${locale}.json`)) Object.assign(merged, messages);
  }
  return merged;
}
