// The link a provider emails (<public_url>/#/partnerships/accept/<token>): who invites, what the
// partnership lets the provider do, and Accept for the reseller's Global admin or Admin agent
// (the server's table: "accept a partnership"). The token never stays in the address
// (invitationToken.ts); it is sent only in request bodies, to preview and to accept.
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';

import { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { can } from '../../session/permissions';
import { useMe } from '../../session/SessionProvider';
import { acceptInvitation, previewInvitation, type InvitationPreview } from './api';
import { ACCEPT_PATH, forgetInvitationToken, invitationToken, rememberInvitationToken } from './invitationToken';
import { isIndirectReseller } from './programs';
import { usePageStyles } from './ResellersPage';

const GRANTS = [
  'add_customers_on_your_behalf',
  'place_orders_for_your_customers',
  'record_you_as_reseller_of_record',
  'name_you_support_contact',
];

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    overflowWrap: 'anywhere',
  },
  grants: { margin: 0 },
});

export function AcceptPartnershipPage() {
  const styles = { ...usePageStyles(), ...useStyles() };
  const t = useT();
  const intl = useIntl();
  const me = useMe();
  const navigate = useNavigate();
  const { token: inAddress } = useParams();
  const [token, setToken] = useState(() => inAddress ?? invitationToken());
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [accepted, setAccepted] = useState(false);
  const accepting = useAction();
  const resultRef = useRef<HTMLDivElement>(null);

  // A token that reached the router (in-app navigation to the link): into memory, out of the address.
  useEffect(() => {
    if (!inAddress) return;
    rememberInvitationToken(inAddress);
    setToken(inAddress);
    navigate(ACCEPT_PATH, { replace: true });
  }, [inAddress, navigate]);

  const partner = me.tenantType === 'partner';
  useEffect(() => {
    if (!token || !partner || !can(me, 'viewPartnerships')) return;
    let current = true;
    previewInvitation(token)
      .then((p) => current && setPreview(p))
      .catch((e) => {
        if (!current) return;
        setPreviewError(e);
        if (e instanceof ApiError && e.code === '700201') forgetInvitationToken(); // expired or revoked
      });
    return () => {
      current = false;
    };
  }, [token, partner, me]);

  useEffect(() => {
    if (accepted) resultRef.current?.focus();
  }, [accepted]);

  const accept = () =>
    accepting.run(async () => {
      if (!token) return;
      await acceptInvitation(token);
      forgetInvitationToken();
      setAccepted(true);
    });

  const title = (
    <h1 className={styles.title} id="accept-title">
      {t('partners.accept.title')}
    </h1>
  );

  let blocked: string | null = null;
  if (!partner) blocked = 'partners.accept.notPartner';
  else if (!token) blocked = 'partners.accept.noToken';
  else if (!can(me, 'viewPartnerships')) blocked = 'partners.accept.roleReason';
  if (blocked) {
    return (
      <section className={styles.page} aria-labelledby="accept-title">
        {title}
        <Text as="p">{t(blocked)}</Text>
      </section>
    );
  }

  // Accept, or why not: the role (the server allows Global admins and Admin agents), the program.
  const acceptReason = !can(me, 'acceptPartnership')
    ? 'partners.accept.roleReason'
    : !isIndirectReseller(me)
      ? 'partners.accept.programReason'
      : null;

  return (
    <section className={styles.page} aria-labelledby="accept-title">
      {title}
      <ErrorBar error={previewError} context="partners" />
      {!preview && !previewError && <Spinner label={t('shell.loading')} />}
      {preview && (
        <>
          <Text as="p">{t('partners.accept.intro', { provider: preview.provider.name })}</Text>
          <dl className={styles.facts}>
            <dt>{t('partners.table.name')}</dt>
            <dd>{preview.provider.name}</dd>
            <dt>{t('partners.table.mpnId')}</dt>
            <dd>{preview.provider.mpnId}</dd>
            <dt>{t('partners.table.location')}</dt>
            <dd>{intl.formatDisplayName(preview.provider.country, { type: 'region' }) ?? preview.provider.country}</dd>
            <dt>{t('partners.accept.expires')}</dt>
            <dd>{intl.formatDate(preview.expiresDateTime, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
          </dl>
          <Subtitle1 as="h2">{t('partners.accept.grantsTitle', { provider: preview.provider.name })}</Subtitle1>
          <ul className={styles.grants}>
            {preview.grants
              .filter((g) => GRANTS.includes(g))
              .map((g) => (
                <li key={g}>{t(`partners.accept.grant.${g}`)}</li>
              ))}
          </ul>
          <div ref={resultRef} tabIndex={-1}>
            {accepted ? (
              <MessageBar intent="success" role="status">
                <MessageBarBody>
                  {t('partners.accept.done', { provider: preview.provider.name })}{' '}
                  <RouterLink to="/indirect-providers">{t('partners.accept.toProviders')}</RouterLink>
                </MessageBarBody>
              </MessageBar>
            ) : preview.alreadyPartnered ? (
              <MessageBar intent="info" role="status">
                <MessageBarBody>
                  {t('partners.accept.already', { provider: preview.provider.name })}{' '}
                  <RouterLink to="/indirect-providers">{t('partners.accept.toProviders')}</RouterLink>
                </MessageBarBody>
              </MessageBar>
            ) : (
              <div className={styles.section}>
                <ErrorBar error={accepting.error} context="partners" />
                <div className={styles.toolbar}>
                  <Button
                    appearance="primary"
                    onClick={() => void accept()}
                    disabled={accepting.busy}
                    disabledFocusable={acceptReason !== null}
                    aria-describedby={acceptReason ? 'accept-reason' : undefined}
                  >
                    {t('partners.accept.submit')}
                  </Button>
                </div>
                {acceptReason && (
                  <Text as="p" id="accept-reason">
                    {t(acceptReason)}
                  </Text>
                )}
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}
