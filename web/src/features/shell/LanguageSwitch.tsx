import { Field, Select } from '@fluentui/react-components';
import { useId } from 'react';

import { useLanguage, useT } from '../../i18n/LanguageProvider';
import { LOCALES, isLocale } from '../../i18n/locales';

/** The language menu; the choice is remembered for `userId` when someone is signed in. */
export function LanguageSwitch({ userId }: { userId?: string }) {
  const t = useT();
  const { locale, setLocale } = useLanguage();
  const id = useId();
  return (
    <Field label={t('shell.language')}>
      <Select
        id={id}
        name="language"
        value={locale}
        onChange={(_, d) => {
          if (isLocale(d.value)) setLocale(d.value, userId);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`shell.language.${l}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
