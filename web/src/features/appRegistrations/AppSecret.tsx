// An app's client ID and secret, the secret shown this once (the API keeps only its hash), with
// the warning, a copy button (the secret alone) and Done: components/TemporaryPassword with the
// app's labels.
import { makeStyles, tokens } from '@fluentui/react-components';

import { TemporaryPassword } from '../../components/TemporaryPassword';
import { useT } from '../../i18n/LanguageProvider';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
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
  return (
    <section className={styles.box} aria-label={label}>
      <TemporaryPassword
        userName={clientId}
        password={secret}
        userNameLabel={t('appRegistrations.field.clientId')}
        warning={t('appRegistrations.secretWarning')}
        labels={{
          secret: t('appRegistrations.field.secret'),
          copy: t('appRegistrations.copySecret'),
          copied: t('appRegistrations.copied'),
          done: t('appRegistrations.done'),
        }}
        copyText={secret}
        onDone={onDone}
      />
    </section>
  );
}
