// A new user's name and temporary password, shown this once (the API never returns the password
// again), with the warning, a copy button and Done.
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';

import { useT } from '../i18n/LanguageProvider';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});

interface Props {
  userName: string;
  password: string;
  /** Whose password this is, and the warning to keep it (already translated). */
  userNameLabel: string;
  warning: string;
  onDone: () => void;
}

export function TemporaryPassword({ userName, password, userNameLabel, warning, onDone }: Props) {
  const styles = useStyles();
  const t = useT();
  const [copied, setCopied] = useState(false);
  const [copyError, setCopyError] = useState<unknown>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${userName}\n${password}`);
      setCopied(true);
    } catch (e) {
      setCopyError(e);
    }
  };

  return (
    <>
      <MessageBar intent="warning">
        <MessageBarBody>{warning}</MessageBarBody>
      </MessageBar>
      <Field label={userNameLabel}>
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
    </>
  );
}
