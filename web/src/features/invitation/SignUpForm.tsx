// Create your company's account from the link (POST /v1/invitations/signup, no sign-in): the
// company and its billing contact, in the Add customer wizard's form; the server creates the
// tenant and admin@<domain>, and accepts the invitation, in one step. The admin's password is
// made here and shown once (components/TemporaryPassword).
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';

import { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { TemporaryPassword } from '../../components/TemporaryPassword';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { AccountStep } from '../addCustomer/AccountStep';
import { checkAccount, customerBody, emptyAccount, fieldOfServerError, type AccountField } from '../addCustomer/model';
import { newPassword, ownError, signUp, type Invitation, type SignUpResult } from './api';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  done: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  title: { margin: 0 },
});

interface Props {
  invitation: Invitation;
  onCancel: () => void;
  /** After the password was shown: on to sign in. */
  onDone: () => void;
}

export function SignUpForm({ invitation, onCancel, onDone }: Props) {
  const styles = useStyles();
  const t = useT();
  const intl = useIntl();
  const [account, setAccount] = useState(() => emptyAccount('US'));
  const [shown, setShown] = useState<Set<AccountField>>(new Set());
  const [serverProblem, setServerProblem] = useState<{ field: AccountField; text: string } | null>(null);
  const [created, setCreated] = useState<{ result: SignUpResult; password: string } | null>(null);
  const submitting = useAction();
  const doneRef = useRef<HTMLHeadingElement>(null);
  const problems = useMemo(() => {
    const p = checkAccount(account);
    delete p.resellerId;
    return p;
  }, [account]);

  // The result starts at its heading, for keyboard and screen-reader users.
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
    setShown(new Set(Object.keys(account) as AccountField[]));
    if (Object.keys(problems).length > 0) return;
    void submitting.run(async () => {
      const password = newPassword();
      try {
        const result = await signUp(invitation, customerBody(account, intl.locale.slice(0, 2)), password);
        setCreated({ result, password });
      } catch (e) {
        if (e instanceof ApiError && e.code === '700409') {
          setServerProblem({ field: 'domain', text: t('invitation.error.domainTaken') });
          return;
        }
        const field = e instanceof ApiError ? fieldOfServerError(e.description) : undefined;
        if (field && e instanceof ApiError) {
          setServerProblem({ field, text: e.description });
          return;
        }
        throw ownError(e, t);
      }
    });
  };

  if (created) {
    const { result, password } = created;
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
        <TemporaryPassword
          userName={result.adminUser.userPrincipalName}
          password={password}
          userNameLabel={t('invitation.signup.done.userName')}
          warning={t('invitation.signup.done.warning')}
          onDone={onDone}
        />
      </section>
    );
  }

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
        shown={shown}
        domain="idle"
        resellers={null}
        onChange={change}
      />
      <ErrorBar error={submitting.error} />
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
