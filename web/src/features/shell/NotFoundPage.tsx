import { Text } from '@fluentui/react-components';

import { useT } from '../../i18n/LanguageProvider';

export function NotFoundPage() {
  const t = useT();
  return <Text as="p">{t('shell.notFound')}</Text>;
}
