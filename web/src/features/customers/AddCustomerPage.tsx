// Add customer: the wizard (account info → subscriptions → review → confirmation) is the next
// step of issue 6; until then the page says so and leads back.
import { Button, Text, Title2 } from '@fluentui/react-components';
import { useNavigate } from 'react-router';

import { useT } from '../../i18n/LanguageProvider';

export function AddCustomerPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <>
      <Title2 as="h1">{t('customers.add')}</Title2>
      <p>
        <Text>{t('customers.add.comingSoon')}</Text>
      </p>
      <Button onClick={() => navigate('/customers')}>{t('customers.add.back')}</Button>
    </>
  );
}
