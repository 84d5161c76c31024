// Sign-in for partner and customer users alike: the tenant is the domain of the user name
// (admin@northwinddist.onmicrosoft.com signs in on northwinddist.onmicrosoft.com).
import { Button, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';

import { ErrorBar } from '../../components/ErrorBar';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { tenantOf } from '../../session/session';
import { useSession } from '../../session/SessionProvider';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { FormCard, PasswordField } from './FormCard';

export function SignInPage() {
  const t = useT();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();
  const [missing, setMissing] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const incomplete = !tenantOf(username) || !password;
    setMissing(incomplete);
    if (!incomplete) await run(() => signIn(username, password));
  };

  return (
    <FormCard title={t('signin.title')} onSubmit={submit}>
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
      <PasswordField
        label={t('signin.password')}
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        problem={missing && !password ? t('signin.passwordRequired') : undefined}
      />
      <ErrorBar error={error} />
      <Button appearance="primary" type="submit" disabled={busy}>
        {t('signin.submit')}
      </Button>
      <LanguageSwitch />
    </FormCard>
  );
}
