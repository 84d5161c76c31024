// The end: the customer's first admin and temporary password, shown this once, with a copy
// button and the warning (components/TemporaryPassword); Done goes back to the list.
import { Text, makeStyles, tokens } from '@fluentui/react-components';

import { ErrorBar } from '../../components/ErrorBar';
import { TemporaryPassword } from '../../components/TemporaryPassword';
import { useT } from '../../i18n/LanguageProvider';
import type { CreatedCustomer } from './api';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
});

interface Props {
  created: CreatedCustomer;
  /** The subscriptions could not be ordered (the customer exists): why. */
  orderError: unknown;
  onDone: () => void;
}

export function ConfirmationStep({ created, orderError, onDone }: Props) {
  const styles = useStyles();
  const t = useT();
  const { userName, password } = created.userCredentials;
  return (
    <div className={styles.page}>
      <Text>{t('addCustomer.done.created', { domain: created.companyProfile.domain })}</Text>
      <ErrorBar error={orderError} />
      {orderError ? <Text>{t('addCustomer.done.orderFailed')}</Text> : null}
      <TemporaryPassword
        userName={userName}
        password={password}
        userNameLabel={t('addCustomer.done.userName')}
        warning={t('addCustomer.done.warning')}
        onDone={onDone}
      />
    </div>
  );
}
