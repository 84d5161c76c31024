// The portal's languages. A new one: add it here and a messages/<locale>.json to every feature
// (the catalog test, tests/unit/catalogs.test.mjs, lists what is missing).
export const LOCALES = ['en', 'ru', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The best of ours for the browser's preferences: "ru-RU" → ru, "zh-Hant-TW" / "zh-TW" → zh-TW. */
export function localeFromBrowser(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('ru')) return 'ru';
    if (lower.startsWith('zh-tw') || lower.startsWith('zh-hant') || lower.startsWith('zh-hk')) return 'zh-TW';
    if (lower.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}
