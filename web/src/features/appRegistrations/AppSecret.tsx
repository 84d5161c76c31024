// An app's client ID and secret, the secret shown this once (the API keeps only its hash), with
// the warning, a copy button and Done.
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';

import { ErrorBar } from '../../components/ErrorBar';
import { useT } from '../../i18n/LanguageProvider';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

interface Props {
  clientId: string;
  secret: string;
  label: string;
  onDone: () => void;
}

export function AppSecret({ clientId, secret, label, onDone }: Props) {
  const styles = useStyles();
  const t = useT();
  const [copied, setCopied] = useState(false);
  const [copyError, setCopyError] = useState<unknown>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch (e) {
      setCopyError(e);
    }
  };

  return (
    <section className={styles.box} aria-label={label}>
      <MessageBar intent="warning">
        <MessageBarBody>{t('appRegistrations.secretWarning')}</MessageBarBody>
      </MessageBar>
      <Field label={t('appRegistrations.field.clientId')}>
        <Input readOnly value={clientId} />
      </Field>
      <Field label={t('appRegistrations.field.secret')}>
        <Input readOnly value={secret} />
      </Field>
      <div className={styles.row}>
        <Button onClick={() => void copy()}>{t('appRegistrations.copySecret')}</Button>
        <Button appearance="primary" onClick={onDone}>
          {t('appRegistrations.done')}
        </Button>
      </div>
      {copied && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('appRegistrations.copied')}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={copyError} />
    </section>
  );
}
