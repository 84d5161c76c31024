// The invitation link for a signed-in user. A customer's Global admin sees who invites (the
// partner, and for a joint invitation the reseller and its provider), what accepting gives each
// of them (a reseller relationship, and delegated admin when asked), then Accept or Decline and
// the result. Other customer users see that only a Global admin can answer (the API refuses them
// anyway); partner users, that the link is for customers.
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useLocation } from 'react-router';

import { ErrorBar } from '../../components/ErrorBar';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { useMe, useSession } from '../../session/SessionProvider';
import {
  PARTNERS_PATH,
  acceptInvitation,
  declineInvitation,
  parseInvitation,
  previewInvitation,
  type Acceptance,
  type InvitingPartner,
  type Preview,
} from './api';
import { LinkSummary } from './LinkSummary';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  title: { ...typographyStyles.title2, margin: 0 },
  subtitle: { ...typographyStyles.subtitle2, margin: 0, ':focus': { outline: 'none' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

type Outcome = { kind: 'accepted'; acceptance: Acceptance } | { kind: 'declined' };

export function InvitationPage() {
  const styles = useStyles();
  const t = useT();
  const me = useMe();
  const location = useLocation();
  const invitation = useMemo(() => parseInvitation(location.search), [location.search]);
  const isAdmin = me.tenantType === 'customer' && me.globalAdmin === true;

  const body = () => {
    if (!invitation) {
      return (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('errors.code.700205')}</MessageBarBody>
        </MessageBar>
      );
    }
    if (me.tenantType !== 'customer') return <NotACustomer />;
    if (!isAdmin) return <NotAdmin invitation={invitation} />;
    return <AdminAnswer key={location.search} />;
  };

  return (
    <section className={styles.page} aria-labelledby="invitation-title">
      <h1 className={styles.title} id="invitation-title">
        {t('invitation.title')}
      </h1>
      {body()}
    </section>
  );
}

function NotACustomer() {
  const t = useT();
  const me = useMe();
  const { signOut } = useSession();
  const styles = useStyles();
  return (
    <>
      <MessageBar intent="warning">
        <MessageBarBody>{t('invitation.partnerUser', { user: me.userPrincipalName })}</MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <Button onClick={() => void signOut()}>{t('invitation.partnerUser.signOut')}</Button>
      </div>
    </>
  );
}

function NotAdmin({ invitation }: { invitation: NonNullable<ReturnType<typeof parseInvitation>> }) {
  const t = useT();
  const styles = useStyles();
  return (
    <>
      <LinkSummary invitation={invitation} />
      <Text as="p" id="invitation-not-admin">
        {t('invitation.notAdmin')}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled aria-describedby="invitation-not-admin">
          {t('invitation.accept')}
        </Button>
        <Button disabled aria-describedby="invitation-not-admin">
          {t('invitation.decline')}
        </Button>
      </div>
    </>
  );
}

function usePartnerLine() {
  const t = useT();
  const intl = useIntl();
  const regions = useMemo(() => new Intl.DisplayNames([intl.locale], { type: 'region' }), [intl.locale]);
  return (p: InvitingPartner) => {
    let country = p.country;
    try {
      country = regions.of(p.country) ?? p.country;
    } catch {
      // not a region code: shown as it is
    }
    return t('invitation.partnerLine', { name: p.name, mpnId: p.mpnId || '—', country });
  };
}

function AdminAnswer() {
  const t = useT();
  const styles = useStyles();
  const location = useLocation();
  const invitation = parseInvitation(location.search)!;
  const partnerLine = usePartnerLine();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const answering = useAction();
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    previewInvitation(invitation)
      .then((p) => current && setPreview(p))
      .catch((e) => current && setLoadError(e));
    return () => {
      current = false;
    };
    // The invitation is the query: the parent remounts this for another one.
  }, []);

  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);

  if (loadError) {
    return (
      <>
        <LinkSummary invitation={invitation} />
        <ErrorBar error={loadError} context="invitation" />
      </>
    );
  }
  if (!preview) return <Spinner label={t('shell.loading')} />;

  const accept = () =>
    answering.run(async () => {
      setOutcome({ kind: 'accepted', acceptance: await acceptInvitation(invitation) });
    });
  const decline = () =>
    answering.run(async () => {
      await declineInvitation(invitation);
      setOutcome({ kind: 'declined' });
    });

  const joint = preview.indirectProvider !== undefined;
  const blocked = !preview.sameCountry ? t('errors.code.700206') : null;

  if (outcome) {
    return (
      <section aria-labelledby="invitation-result" className={styles.page}>
        <h2 className={styles.subtitle} id="invitation-result" ref={resultRef} tabIndex={-1}>
          {t(outcome.kind === 'accepted' ? 'invitation.accepted.title' : 'invitation.declined.title')}
        </h2>
        {outcome.kind === 'declined' ? (
          <Text as="p">{t('invitation.declined.body', { name: preview.partner.name })}</Text>
        ) : (
          <>
            <Text as="p">
              {t(outcome.acceptance.changed ? 'invitation.accepted.body' : 'invitation.accepted.unchanged')}
            </Text>
            <ul className={styles.list}>
              {outcome.acceptance.partners.map((p) => (
                <li key={p.tenantId}>
                  {t(p.delegatedAdmin ? 'invitation.accepted.partnerWithAdmin' : 'invitation.accepted.partner', {
                    name: p.name,
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
        <RouterLink to={PARTNERS_PATH}>{t('invitation.toPartners')}</RouterLink>
      </section>
    );
  }

  return (
    <>
      <Text as="p">
        {joint
          ? t('invitation.invites.joint', { reseller: preview.partner.name, provider: preview.indirectProvider!.name })
          : t('invitation.invites.reseller', { name: preview.partner.name })}
      </Text>
      <h2 className={styles.subtitle}>{t('invitation.who')}</h2>
      <ul className={styles.list}>
        <li>
          {t('invitation.roleLine', {
            role: t(joint ? 'invitation.role.reseller' : 'invitation.role.partner'),
            partner: partnerLine(preview.partner),
          })}
        </li>
        {preview.indirectProvider && (
          <li>
            {t('invitation.roleLine', {
              role: t('invitation.role.provider'),
              partner: partnerLine(preview.indirectProvider),
            })}
          </li>
        )}
      </ul>
      <h2 className={styles.subtitle}>{t('invitation.grants')}</h2>
      <ul className={styles.list}>
        {preview.grants.map((g) => (
          <li key={g.partnerId}>
            {t(g.delegatedAdmin ? 'invitation.grant.withAdmin' : 'invitation.grant.reseller', { name: g.name })}
          </li>
        ))}
      </ul>
      <MessageBar intent={preview.delegatedAdmin ? 'warning' : 'info'}>
        <MessageBarBody>
          {t(preview.delegatedAdmin ? 'invitation.adminRights.asked' : 'invitation.adminRights.notAsked')}
        </MessageBarBody>
      </MessageBar>
      {preview.alreadyAccepted && (
        <MessageBar intent="success">
          <MessageBarBody>{t('invitation.alreadyAccepted')}</MessageBarBody>
        </MessageBar>
      )}
      {blocked && (
        <Text as="p" id="invitation-blocked">
          {blocked}
        </Text>
      )}
      <ErrorBar error={answering.error} context="invitation" />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => void accept()}
          disabled={answering.busy || blocked !== null}
          aria-describedby={blocked ? 'invitation-blocked' : undefined}
        >
          {t('invitation.accept')}
        </Button>
        <Button onClick={() => void decline()} disabled={answering.busy}>
          {t('invitation.decline')}
        </Button>
      </div>
    </>
  );
}
