// Sign-in for partner and customer users alike: the tenant is the domain of the user name
// (admin@northwinddist.onmicrosoft.com signs in on northwinddist.onmicrosoft.com).
import { Button, Card, Field, Input, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';

import { ErrorBar } from '../../components/ErrorBar';
import { useT } from '../../i18n/LanguageProvider';
import { tenantOf } from '../../session/session';
import { useSession } from '../../session/SessionProvider';
import { LanguageSwitch } from '../shell/LanguageSwitch';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'grid', placeItems: 'center', padding: tokens.spacingHorizontalL },
  card: { width: 'min(420px, 100%)', padding: tokens.spacingHorizontalXXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function SignInPage() {
  const styles = useStyles();
  const t = useT();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const incomplete = !tenantOf(username) || !password;
    setMissing(incomplete);
    if (incomplete) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <form className={styles.form} onSubmit={submit} noValidate>
          <Title2 as="h1">{t('signin.title')}</Title2>
          <Field
            label={t('signin.username')}
            hint={t('signin.usernameHint')}
            required
            validationMessage={missing && !tenantOf(username) ? t('signin.usernameInvalid') : undefined}
          >
            <Input
              type="email"
              name="username"
              autoComplete="username"
              value={username}
              onChange={(_, d) => setUsername(d.value)}
            />
          </Field>
          <Field
            label={t('signin.password')}
            required
            validationMessage={missing && !password ? t('signin.passwordRequired') : undefined}
          >
            <Input
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(_, d) => setPassword(d.value)}
            />
          </Field>
          <ErrorBar error={error} />
          <Button appearance="primary" type="submit" disabled={busy}>
            {t('signin.submit')}
          </Button>
          <LanguageSwitch />
        </form>
      </Card>
    </main>
  );
}
