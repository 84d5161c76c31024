// The end: the customer's first admin and temporary password, shown this once (the API never
// returns the password again), with a copy button and the warning; Done goes back to the list.
import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';

import { ErrorBar } from '../../components/ErrorBar';
import { useT } from '../../i18n/LanguageProvider';
import type { CreatedCustomer } from './api';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
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
  const [copied, setCopied] = useState(false);
  const [copyError, setCopyError] = useState<unknown>(null);
  const { userName, password } = created.userCredentials;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${userName}\n${password}`);
      setCopied(true);
    } catch (e) {
      setCopyError(e);
    }
  };

  return (
    <div className={styles.page}>
      <Text>{t('addCustomer.done.created', { domain: created.companyProfile.domain })}</Text>
      <ErrorBar error={orderError} />
      {orderError ? <Text>{t('addCustomer.done.orderFailed')}</Text> : null}
      <MessageBar intent="warning">
        <MessageBarBody>{t('addCustomer.done.warning')}</MessageBarBody>
      </MessageBar>
      <Field label={t('addCustomer.done.userName')}>
        <Input readOnly value={userName} />
      </Field>
      <Field label={t('addCustomer.done.password')}>
        <Input readOnly value={password} />
      </Field>
      <div className={styles.row}>
        <Button onClick={() => void copy()}>{t('addCustomer.done.copy')}</Button>
        <Button appearance="primary" onClick={onDone}>
          {t('addCustomer.done.done')}
        </Button>
      </div>
      {copied && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('addCustomer.done.copied')}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={copyError} />
    </div>
  );
}
