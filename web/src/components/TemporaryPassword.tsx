// A new user's name and temporary password, shown this once (the API never returns the password
// again), with the warning, a copy button and Done. The labels can be changed for other secrets
// shown once (an app's client ID and secret: appRegistrations/AppSecret).
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
  /** For another kind of secret: its label, the copy button's, the copied message, Done's. */
  labels?: { secret: string; copy: string; copied: string; done: string };
  /** What Copy puts on the clipboard (default: the user name and the password, one per line). */
  copyText?: string;
}

export function TemporaryPassword({ userName, password, userNameLabel, warning, onDone, labels, copyText }: Props) {
  const styles = useStyles();
  const t = useT();
  const text = labels ?? {
    secret: t('addCustomer.done.password'),
    copy: t('addCustomer.done.copy'),
    copied: t('addCustomer.done.copied'),
    done: t('addCustomer.done.done'),
  };
  const [copied, setCopied] = useState(false);
  const [copyError, setCopyError] = useState<unknown>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(copyText ?? `${userName}\n${password}`);
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
      <Field label={text.secret}>
        <Input readOnly value={password} />
      </Field>
      <div className={styles.row}>
        <Button onClick={() => void copy()}>{text.copy}</Button>
        <Button appearance="primary" onClick={onDone}>
          {text.done}
        </Button>
      </div>
      {copied && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{text.copied}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={copyError} />
    </>
  );
}
