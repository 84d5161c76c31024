// A customer user's landing page until the customer-side pages (invitations) exist.
import { Text, Title2 } from '@fluentui/react-components';

import { useT } from '../../i18n/LanguageProvider';
import { useMe } from '../../session/SessionProvider';

export function HomePage() {
  const t = useT();
  const me = useMe();
  return (
    <>
      <Title2 as="h1">{t('shell.home.title')}</Title2>
      <p>
        <Text>{t('shell.home.tenant', { tenantId: me.tenantId })}</Text>
      </p>
    </>
  );
}
