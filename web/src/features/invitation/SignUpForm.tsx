// Create your company's account from the link (POST /v1/invitations/signup, no sign-in): the
// company and its billing contact, in the Add customer wizard's form, and the password its
// administrator chooses (typed twice; the server's rule as the hint). The server creates the
// tenant and admin@<domain> with that password — no forced change — and accepts the invitation,
// in one step; then the new admin is signed in with it, as the sign-in page does.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';

import { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { useSession } from '../../session/SessionProvider';
import { AccountStep } from '../addCustomer/AccountStep';
import { checkAccount, customerBody, emptyAccount, fieldOfServerError, type AccountField } from '../addCustomer/model';
import { PasswordField } from '../signin/FormCard';
import { signUp, type Invitation, type SignUpResult } from './api';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  passwords: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    alignItems: 'start',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  done: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  title: { margin: 0 },
});

/** The server's rule for a chosen password (src/domain/identity/password_policy.cpp). */
const MIN_PASSWORD = 12;
const MAX_PASSWORD = 256;

interface Props {
  invitation: Invitation;
  onCancel: () => void;
  /** After the account was made and its admin signed in (or, failing that, to sign in). */
  onDone: () => void;
}

export function SignUpForm({ invitation, onCancel, onDone }: Props) {
  const styles = useStyles();
  const t = useT();
  const intl = useIntl();
  const { signIn } = useSession();
  const [account, setAccount] = useState(() => emptyAccount('US'));
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [shown, setShown] = useState<Set<AccountField | 'password' | 'confirm'>>(new Set());
  const [serverProblem, setServerProblem] = useState<{ field: AccountField; text: string } | null>(null);
  const [passwordRefused, setPasswordRefused] = useState<string | null>(null);
  // Made, but the sign-in that follows failed: the user name, and the error, to sign in by hand.
  const [created, setCreated] = useState<{ result: SignUpResult; error: unknown } | null>(null);
  const submitting = useAction();
  const doneRef = useRef<HTMLHeadingElement>(null);
  const problems = useMemo(() => {
    const p = checkAccount(account);
    delete p.resellerId;
    return p;
  }, [account]);
  const passwordProblem =
    password.length < MIN_PASSWORD || password.length > MAX_PASSWORD ? 'invitation.signup.passwordRule' : undefined;
  const confirmProblem = confirm !== password ? 'invitation.signup.passwordMismatch' : undefined;

  useEffect(() => {
    if (created) doneRef.current?.focus();
  }, [created]);

  const change = (field: AccountField, value: string) => {
    setAccount((a) => ({ ...a, [field]: value }));
    setShown((s) => new Set(s).add(field));
    if (serverProblem?.field === field) setServerProblem(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(new Set([...(Object.keys(account) as AccountField[]), 'password', 'confirm']));
    if (Object.keys(problems).length > 0 || passwordProblem || confirmProblem) return;
    void submitting.run(async () => {
      let result: SignUpResult;
      try {
        result = await signUp(invitation, customerBody(account, intl.locale.slice(0, 2)), password);
      } catch (e) {
        if (e instanceof ApiError && e.code === '700409') {
          setServerProblem({ field: 'domain', text: t('addCustomer.domain.taken') });
          return;
        }
        if (e instanceof ApiError && /field 'password'/.test(e.description)) {
          setPasswordRefused(e.description);
          return;
        }
        const field = e instanceof ApiError ? fieldOfServerError(e.description) : undefined;
        if (field && e instanceof ApiError) {
          setServerProblem({ field, text: e.description });
          return;
        }
        throw e;
      }
      try {
        await signIn(result.adminUser.userPrincipalName, password);
      } catch (e) {
        setCreated({ result, error: e });
        return;
      }
      onDone();
    });
  };

  if (created) {
    const { result, error } = created;
    return (
      <section className={styles.done} aria-labelledby="signup-done">
        <h2 className={styles.title} id="signup-done" ref={doneRef} tabIndex={-1}>
          {t('invitation.signup.done.title')}
        </h2>
        <Text as="p">
          {t('invitation.signup.done.created', {
            company: result.customer.companyName,
            domain: result.customer.domain,
          })}
        </Text>
        <Text as="p">{t('invitation.signup.done.signIn', { userName: result.adminUser.userPrincipalName })}</Text>
        <ErrorBar error={error} />
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onDone}>
            {t('invitation.signup.done.toSignIn')}
          </Button>
        </div>
      </section>
    );
  }

  const passwordMessage =
    passwordRefused ??
    (shown.has('password') && passwordProblem
      ? t(passwordProblem, { min: MIN_PASSWORD, max: MAX_PASSWORD })
      : undefined);
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="signup-title">
      <h2 className={styles.title} id="signup-title">
        {t('invitation.signup.title')}
      </h2>
      <Text as="p">{t('invitation.signup.intro')}</Text>
      <AccountStep
        account={account}
        problems={problems}
        serverProblem={serverProblem}
        shown={shown as Set<AccountField>}
        domain="idle"
        resellers={null}
        onChange={change}
        ownCompany
      />
      <div className={styles.passwords}>
        <PasswordField
          label={t('invitation.signup.password')}
          name="new-password"
          autoComplete="new-password"
          value={password}
          hint={t('invitation.signup.passwordHint', { min: MIN_PASSWORD, max: MAX_PASSWORD })}
          problem={passwordMessage}
          onChange={(v) => {
            setPassword(v);
            setPasswordRefused(null);
            setShown((s) => new Set(s).add('password'));
          }}
        />
        <PasswordField
          label={t('invitation.signup.confirmPassword')}
          name="confirm-password"
          autoComplete="new-password"
          value={confirm}
          problem={shown.has('confirm') && confirmProblem ? t(confirmProblem) : undefined}
          onChange={(v) => {
            setConfirm(v);
            setShown((s) => new Set(s).add('confirm'));
          }}
        />
      </div>
      <ErrorBar error={submitting.error} context="invitation" />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={submitting.busy}>
          {t('invitation.signup.submit')}
        </Button>
        <Button onClick={onCancel} disabled={submitting.busy}>
          {t('invitation.signup.cancel')}
        </Button>
      </div>
    </form>
  );
}
