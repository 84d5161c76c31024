// Indirect resellers (indirect providers): the resellers in partnership, each with Add new
// customer (the wizard, with the reseller selected) and Remove; Request a partnership (a new
// invitation and its draft email); the requests sent, with Revoke. Seeds: "Partner with indirect
// resellers in the Cloud Solution Provider program"; reference §2.5.
import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router';

import { ErrorBar } from '../../components/ErrorBar';
import { useListPageStyles } from '../../components/layout';
import { ListTable } from '../../components/ListTable';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { can } from '../../session/permissions';
import { useMe } from '../../session/SessionProvider';
import {
  createInvitation,
  listInvitations,
  listResellers,
  revokeInvitation,
  type Partnership,
  type PartnershipInvitation,
} from './api';
import { DraftEmailDialog } from './DraftEmailDialog';
import { nameId, PartnerTable } from './PartnerTable';
import { isIndirectProvider } from './programs';
import { RemovePartnershipDialog } from './RemovePartnershipDialog';

const usePartnerPageStyles = makeStyles({
  title: { ...typographyStyles.title2, margin: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The partner pages' classes: a list page's, with their title and sections. */
export const usePageStyles = () => ({ ...useListPageStyles(), ...usePartnerPageStyles() });

export function ResellersPage() {
  const styles = usePageStyles();
  const t = useT();
  const intl = useIntl();
  const me = useMe();
  const navigate = useNavigate();
  const allowed = can(me, 'viewPartnerships') && isIndirectProvider(me);
  const manage = can(me, 'managePartnerships');

  const [resellers, setResellers] = useState<Partnership[] | null>(null);
  const [invitations, setInvitations] = useState<PartnershipInvitation[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [requestOpen, setRequestOpen] = useState(false);
  const [removing, setRemoving] = useState<Partnership | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const [showEnded, setShowEnded] = useState(false);
  const revoking = useAction();
  const requestButton = useRef<HTMLButtonElement>(null);
  const removeTrigger = useRef<HTMLElement | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  const loadInvitations = useCallback(
    () =>
      listInvitations()
        .then((list) => setInvitations([...list].sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime))))
        .catch(setLoadError),
    [],
  );

  useEffect(() => {
    if (!allowed) return;
    listResellers().then(setResellers).catch(setLoadError);
    void loadInvitations();
  }, [allowed, loadInvitations]);

  if (!allowed) {
    return (
      <section className={styles.page} aria-labelledby="resellers-title">
        <h1 className={styles.title} id="resellers-title">
          {t('partners.resellers.title')}
        </h1>
        <Text as="p">
          {t(isIndirectProvider(me) ? 'partners.resellers.roleReason' : 'partners.resellers.programReason')}
        </Text>
      </section>
    );
  }

  const revoke = (id: string) =>
    revoking.run(async () => {
      await revokeInvitation(id);
      await loadInvitations();
    });

  // Active requests; expired and revoked ones on request (every Request a partnership adds one).
  const shown = invitations?.filter((inv) => showEnded || inv.state === 'active') ?? null;

  const formatDateTime = (value: string) => intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className={styles.page} aria-labelledby="resellers-title">
      <h1 className={styles.title} id="resellers-title" ref={titleRef} tabIndex={-1}>
        {t('partners.resellers.title')}
      </h1>
      <Text as="p">{t('partners.resellers.intro')}</Text>
      {manage && (
        <div className={styles.toolbar}>
          <Button appearance="primary" ref={requestButton} onClick={() => setRequestOpen(true)}>
            {t('partners.request.open')}
          </Button>
        </div>
      )}
      {removed && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('partners.resellers.removed', { name: removed })}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={loadError} context="partners" />
      {resellers === null ? (
        !loadError && <Spinner label={t('shell.loading')} />
      ) : resellers.length === 0 ? (
        <Text as="p" role="status">
          {t('partners.resellers.empty')}
        </Text>
      ) : (
        <PartnerTable
          label={t('partners.resellers.table')}
          partners={resellers}
          actions={(r) => (
            <>
              {can(me, 'addCustomer') && (
                <Button
                  size="small"
                  aria-describedby={nameId(r)}
                  onClick={() => navigate(`/customers/new?reseller=${encodeURIComponent(r.id)}`)}
                >
                  {t('partners.resellers.addCustomer')}
                </Button>
              )}
              {manage && (
                <Button
                  size="small"
                  aria-describedby={nameId(r)}
                  onClick={(e) => {
                    removeTrigger.current = e.currentTarget;
                    setRemoving(r);
                  }}
                >
                  {t('partners.resellers.remove')}
                </Button>
              )}
            </>
          )}
        />
      )}

      <section className={styles.section} aria-labelledby="requests-title">
        <Subtitle1 as="h2" id="requests-title">
          {t('partners.requests.title')}
        </Subtitle1>
        <Text as="p">{t('partners.requests.intro')}</Text>
        <Checkbox
          label={t('partners.requests.showEnded')}
          checked={showEnded}
          onChange={(_, d) => setShowEnded(d.checked === true)}
        />
        <ErrorBar error={revoking.error} context="partners" />
        {shown !== null && shown.length === 0 && <Text as="p">{t('partners.requests.empty')}</Text>}
        {shown !== null && shown.length > 0 && (
          <div className={styles.scroll}>
            <ListTable
              label={t('partners.requests.title')}
              columns={[
                { label: t('partners.requests.sent') },
                { label: t('partners.requests.sentBy'), wide: true },
                { label: t('partners.requests.expires') },
                { label: t('partners.requests.state') },
                { label: t('partners.table.actions') },
              ]}
            >
              {shown.map((inv) => (
                <TableRow key={inv.id}>
                  <TableCell id={`request-${inv.id}`}>{formatDateTime(inv.createdDateTime)}</TableCell>
                  <TableCell className={mergeClasses(styles.cell, styles.wide)}>{inv.createdBy}</TableCell>
                  <TableCell>{formatDateTime(inv.expiresDateTime)}</TableCell>
                  <TableCell>{t(`partners.requests.state.${inv.state}`)}</TableCell>
                  <TableCell>
                    {manage && inv.state === 'active' && (
                      <Button
                        size="small"
                        aria-describedby={`request-${inv.id}`}
                        disabled={revoking.busy}
                        onClick={() => void revoke(inv.id)}
                      >
                        {t('partners.requests.revoke')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </ListTable>
          </div>
        )}
      </section>

      <DraftEmailDialog
        open={requestOpen}
        title={t('partners.request.title')}
        intro={[t('partners.request.intro'), t('partners.request.once')]}
        load={(locale) => createInvitation(locale)}
        onLoaded={() => void loadInvitations()}
        onClose={() => {
          setRequestOpen(false);
          requestButton.current?.focus();
        }}
      />
      <RemovePartnershipDialog
        key={removing?.id ?? ''}
        partner={removing}
        side="reseller"
        onCancel={() => {
          setRemoving(null);
          removeTrigger.current?.focus();
        }}
        onRemoved={(r) => {
          setRemoving(null);
          setRemoved(r.name);
          setResellers((list) => list?.filter((x) => x.id !== r.id) ?? null);
          titleRef.current?.focus();
        }}
      />
    </section>
  );
}
