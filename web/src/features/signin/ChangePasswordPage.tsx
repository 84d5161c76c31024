// The forced change of a temporary password at first sign-in (the API refuses everything else
// with 700101 until it is done), also reachable when the API asks for it mid-session.
import { Button, Card, Field, Input, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';

import { ErrorBar } from '../../components/ErrorBar';
import { useT } from '../../i18n/LanguageProvider';
import { useSession } from '../../session/SessionProvider';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'grid', placeItems: 'center', padding: tokens.spacingHorizontalL },
  card: { width: 'min(440px, 100%)', padding: tokens.spacingHorizontalXXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const MIN_LENGTH = 12; // the server's password policy (src/domain/identity/password_policy.cpp)

export function ChangePasswordPage() {
  const styles = useStyles();
  const t = useT();
  const { changePassword, signOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const tooShort = next.length > 0 && next.length < MIN_LENGTH;
  const mismatch = confirm.length > 0 && confirm !== next;
  const invalid = !current || next.length < MIN_LENGTH || confirm !== next;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (invalid) return;
    setBusy(true);
    setError(null);
    try {
      await changePassword(current, next);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <form className={styles.form} onSubmit={submit} noValidate>
          <Title2 as="h1">{t('signin.changePassword.title')}</Title2>
          <Text>{t('signin.changePassword.intro')}</Text>
          <Field
            label={t('signin.changePassword.current')}
            required
            validationMessage={touched && !current ? t('signin.passwordRequired') : undefined}
          >
            <Input
              type="password"
              name="current-password"
              autoComplete="current-password"
              value={current}
              onChange={(_, d) => setCurrent(d.value)}
            />
          </Field>
          <Field
            label={t('signin.changePassword.new')}
            hint={t('signin.changePassword.rule', { min: MIN_LENGTH })}
            required
            validationMessage={tooShort ? t('signin.changePassword.tooShort', { min: MIN_LENGTH }) : undefined}
          >
            <Input
              type="password"
              name="new-password"
              autoComplete="new-password"
              value={next}
              onChange={(_, d) => setNext(d.value)}
            />
          </Field>
          <Field
            label={t('signin.changePassword.confirm')}
            required
            validationMessage={mismatch ? t('signin.changePassword.mismatch') : undefined}
          >
            <Input
              type="password"
              name="confirm-password"
              autoComplete="new-password"
              value={confirm}
              onChange={(_, d) => setConfirm(d.value)}
            />
          </Field>
          <ErrorBar error={error} />
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {t('signin.changePassword.submit')}
            </Button>
            <Button onClick={() => void signOut()}>{t('shell.signOut')}</Button>
          </div>
        </form>
      </Card>
    </main>
  );
}
