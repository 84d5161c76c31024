// The chosen language, remembered per user in this browser: key csphub.language.<user id>, and
// csphub.language for the sign-in page (the last choice made here). Only the language is kept in
// localStorage; the session is never (it is an HttpOnly cookie).
import { isLocale, localeFromBrowser, type Locale } from './locales';

const DEVICE_KEY = 'csphub.language';
const userKey = (userId: string) => `${DEVICE_KEY}.${userId}`;

function read(key: string): Locale | undefined {
  try {
    const value = window.localStorage.getItem(key);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined; // storage disabled: the browser's language
  }
}

function write(key: string, locale: Locale): void {
  try {
    window.localStorage.setItem(key, locale);
  } catch {
    // storage disabled: the choice lasts until the page is reloaded
  }
}

export function initialLocale(): Locale {
  return read(DEVICE_KEY) ?? localeFromBrowser(navigator.languages ?? [navigator.language]);
}

export function userLocale(userId: string): Locale | undefined {
  return read(userKey(userId));
}

export function rememberLocale(locale: Locale, userId?: string): void {
  write(DEVICE_KEY, locale);
  if (userId) write(userKey(userId), locale);
}
