// The forced change of a temporary password at first sign-in (the API refuses everything else
// with 700101 until it is done), also reachable when the API asks for it mid-session.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';

import { ErrorBar } from '../../components/ErrorBar';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { useSession } from '../../session/SessionProvider';
import { FormCard, PasswordField } from './FormCard';

const useStyles = makeStyles({
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
  const { busy, error, run } = useAction();

  const tooShort = next.length > 0 && next.length < MIN_LENGTH;
  const mismatch = confirm.length > 0 && confirm !== next;
  const invalid = !current || next.length < MIN_LENGTH || confirm !== next;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!invalid) await run(() => changePassword(current, next));
  };

  return (
    <FormCard title={t('signin.changePassword.title')} onSubmit={submit}>
      <Text>{t('signin.changePassword.intro')}</Text>
      <PasswordField
        label={t('signin.changePassword.current')}
        name="current-password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        problem={touched && !current ? t('signin.passwordRequired') : undefined}
      />
      <PasswordField
        label={t('signin.changePassword.new')}
        name="new-password"
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        hint={t('signin.changePassword.rule', { min: MIN_LENGTH })}
        problem={tooShort ? t('signin.changePassword.tooShort', { min: MIN_LENGTH }) : undefined}
      />
      <PasswordField
        label={t('signin.changePassword.confirm')}
        name="confirm-password"
        autoComplete="new-password"
        value={confirm}
        onChange={setConfirm}
        problem={mismatch ? t('signin.changePassword.mismatch') : undefined}
      />
      <ErrorBar error={error} />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t('signin.changePassword.submit')}
        </Button>
        <Button onClick={() => void signOut()}>{t('shell.signOut')}</Button>
      </div>
    </FormCard>
  );
}
