import { Text, Title2 } from '@fluentui/react-components';

import { useT } from '../../i18n/LanguageProvider';

export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <Title2 as="h1">{t('shell.notFound.title')}</Title2>
      <Text as="p">{t('shell.notFound')}</Text>
    </>
  );
}
