// The invitation link opened by someone not signed in: what the link asks for (as far as an
// anonymous visitor may know: the API names the partners only to the customer's admin), then
// Sign in — on this same address, so that the invitation is still here after it — or Create
// your company's account. Back/forward move between these steps (history state).
import { Button, Card, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';

import { PHONE } from '../../components/layout';
import { useT } from '../../i18n/LanguageProvider';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { SignInPage } from '../signin/SignInPage';
import { PARTNERS_PATH, parseInvitation } from './api';
import { LinkSummary } from './LinkSummary';
import { SignUpForm } from './SignUpForm';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'grid', placeItems: 'start center', padding: tokens.spacingHorizontalL },
  card: {
    width: 'min(760px, 100%)',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    [PHONE]: { padding: tokens.spacingHorizontalL },
  },
  title: { margin: 0, ':focus': { outline: 'none' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  back: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
  },
});

type Step = 'summary' | 'signIn' | 'signUp';

export function SignedOutInvitation() {
  const styles = useStyles();
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const invitation = parseInvitation(location.search);
  const step: Step = (location.state as { step?: Step } | null)?.step ?? 'summary';
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step === 'summary') titleRef.current?.focus();
  }, [step]);

  const go = (next: Step) => navigate({ search: location.search }, { state: { step: next } });
  // Back to the summary: the browser's Back when it came from there, else a new entry.
  const back = () => ((window.history.state?.idx ?? 0) > 0 ? navigate(-1) : go('summary'));

  if (step === 'signIn') {
    return (
      <>
        <nav className={styles.back} aria-label={t('invitation.title')}>
          <Text>{t('invitation.signIn.hint')}</Text>
          <Link onClick={back}>{t('invitation.back')}</Link>
        </nav>
        <SignInPage />
      </>
    );
  }

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <h1 className={styles.title} ref={titleRef} tabIndex={-1}>
          {t('invitation.title')}
        </h1>
        {!invitation ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t('errors.code.700205')}</MessageBarBody>
          </MessageBar>
        ) : step === 'signUp' ? (
          <SignUpForm
            invitation={invitation}
            onCancel={back}
            onDone={() => navigate(PARTNERS_PATH, { replace: true })}
          />
        ) : (
          <>
            <Text as="p">
              {t(
                invitation.invType === 'IndirectResellerRelationship'
                  ? 'invitation.intro.joint'
                  : 'invitation.intro.reseller',
              )}
            </Text>
            <LinkSummary invitation={invitation} />
            <Text as="p">{t('invitation.signedOut.choose')}</Text>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={() => go('signIn')}>
                {t('invitation.signedOut.signIn')}
              </Button>
              <Button onClick={() => go('signUp')}>{t('invitation.signedOut.signUp')}</Button>
            </div>
          </>
        )}
        <LanguageSwitch />
      </Card>
    </main>
  );
}
