import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';

import { messagesFor } from './catalog';
import { DEFAULT_LOCALE, type Locale } from './locales';
import { initialLocale, rememberLocale, userLocale } from './preference';

interface LanguageState {
  locale: Locale;
  /** Switches the language and remembers it for `userId` (and this browser). */
  setLocale: (locale: Locale, userId?: string) => void;
  /** After sign-in: the language this user chose before, if any. */
  applyUsersLocale: (userId: string) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const messages = useMemo(() => messagesFor(locale), [locale]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale, userId?: string) => {
    rememberLocale(next, userId);
    setLocaleState(next);
  }, []);
  const applyUsersLocale = useCallback((userId: string) => {
    const saved = userLocale(userId);
    if (saved) setLocaleState(saved);
  }, []);
  const state = useMemo(() => ({ locale, setLocale, applyUsersLocale }), [locale, setLocale, applyUsersLocale]);

  return (
    <LanguageContext.Provider value={state}>
      <IntlProvider locale={locale} defaultLocale={DEFAULT_LOCALE} messages={messages}>
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
}

/** t('customers.title'), t('customers.count', { count }): a message from the catalogs, ICU syntax. */
export function useT() {
  const intl = useIntl();
  return useCallback(
    (id: string, values?: Record<string, string | number | Date>) => intl.formatMessage({ id }, values),
    [intl],
  );
}
