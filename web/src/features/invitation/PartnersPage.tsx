// The customer's partners (GET /v1/customertenant/partners): who resells to the organization,
// in which role for a joint relationship, and who holds delegated admin privileges (admin
// rights), which the Global admin can remove after a confirmation. The relationship itself stays:
// only the partner can end it. One card per partner, so that it reads at phone width too.
import {
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';

import { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { useAction } from '../../components/useAction';
import { PHONE } from '../../components/layout';
import { useT } from '../../i18n/LanguageProvider';
import { useMe } from '../../session/SessionProvider';
import { listPartners, removeDelegatedAdmin, type CustomerPartner } from './api';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  title: { ...typographyStyles.title2, margin: 0 },
  cards: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(320px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, height: '100%' },
  name: { ...typographyStyles.subtitle2, margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    [PHONE]: { gridTemplateColumns: '1fr' },
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, wordBreak: 'break-word' },
});

export function PartnersPage() {
  const styles = useStyles();
  const t = useT();
  const me = useMe();
  const [partners, setPartners] = useState<CustomerPartner[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<CustomerPartner | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const admin = me.globalAdmin === true;

  const load = useCallback(() => {
    listPartners()
      .then((p) => {
        setPartners(p);
        setLoadError(null);
      })
      .catch((e) => setLoadError(e));
  }, []);
  useEffect(() => {
    if (admin) load();
  }, [admin, load]);

  const body = () => {
    if (!admin) return <Text as="p">{t('invitation.partners.notAdmin')}</Text>;
    if (loadError) return <ErrorBar error={loadError} context="invitation" />;
    if (!partners) return <Spinner label={t('shell.loading')} />;
    if (partners.length === 0) return <Text as="p">{t('invitation.partners.empty')}</Text>;
    return (
      <ul className={styles.cards} aria-label={t('invitation.partners.title')}>
        {partners.map((p) => (
          <li key={p.tenantId}>
            <PartnerCard partner={p} all={partners} onRemove={() => setConfirming(p)} />
          </li>
        ))}
      </ul>
    );
  };

  return (
    <section className={styles.page} aria-labelledby="partners-title">
      <h1 className={styles.title} id="partners-title">
        {t('invitation.partners.title')}
      </h1>
      <Text as="p">{t('invitation.partners.intro')}</Text>
      {removed && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('invitation.partners.removed', { name: removed })}</MessageBarBody>
        </MessageBar>
      )}
      {body()}
      <RemoveDialog
        key={confirming?.tenantId ?? ''}
        partner={confirming}
        onClose={(done) => {
          if (done && confirming) setRemoved(confirming.name);
          setConfirming(null);
          load(); // also after a failure: the list may have changed meanwhile
        }}
      />
    </section>
  );
}

function PartnerCard({
  partner,
  all,
  onRemove,
}: {
  partner: CustomerPartner;
  all: CustomerPartner[];
  onRemove: () => void;
}) {
  const styles = useStyles();
  const t = useT();
  const intl = useIntl();
  const regions = useMemo(() => new Intl.DisplayNames([intl.locale], { type: 'region' }), [intl.locale]);
  const nameOf = (id: string) => all.find((p) => p.tenantId === id)?.name ?? id;
  const titleId = `partner-${partner.tenantId}`;
  let country = partner.country;
  try {
    country = regions.of(partner.country) ?? partner.country;
  } catch {
    // not a region code
  }
  let relationship = t('invitation.partners.relationship.none');
  if (partner.relationship === 'reseller') {
    relationship = partner.indirectProviderId
      ? t('invitation.partners.relationship.resellerWith', { provider: nameOf(partner.indirectProviderId) })
      : partner.indirectResellerId
        ? t('invitation.partners.relationship.providerFor', { reseller: nameOf(partner.indirectResellerId) })
        : t('invitation.partners.relationship.reseller');
  }
  const facts: [string, string][] = [
    [t('invitation.partners.mpnId'), partner.mpnId || '—'],
    [t('invitation.partners.country'), country],
    [t('invitation.partners.relationship'), relationship],
    [
      t('invitation.partners.adminRights'),
      t(partner.delegatedAdmin ? 'invitation.partners.adminRights.yes' : 'invitation.partners.adminRights.no'),
    ],
  ];
  return (
    <Card className={styles.card} aria-labelledby={titleId} role="article">
      <h2 className={styles.name} id={titleId}>
        {partner.name}
      </h2>
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {partner.delegatedAdmin && (
        <div>
          <Button onClick={onRemove}>{t('invitation.partners.remove')}</Button>
        </div>
      )}
    </Card>
  );
}

/** Keyed by the partner, so that each opening starts without the last one's error. */
function RemoveDialog({ partner, onClose }: { partner: CustomerPartner | null; onClose: (done: boolean) => void }) {
  const t = useT();
  const removing = useAction();
  const name = partner?.name ?? '';

  const confirm = () =>
    removing.run(async () => {
      if (!partner) return;
      try {
        await removeDelegatedAdmin(partner.tenantId);
      } catch (e) {
        // 404: removed meanwhile (another tab, another admin); the reload shows it.
        if (e instanceof ApiError && e.status === 404) {
          throw new ApiError(404, '', t('invitation.partners.error.notHeld', { name: partner.name }));
        }
        throw e;
      }
      onClose(true);
    });

  return (
    <Dialog open={partner !== null} onOpenChange={(_, d) => !d.open && !removing.busy && onClose(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('invitation.partners.confirm.title', { name })}</DialogTitle>
          <DialogContent>
            <Text as="p">{t('invitation.partners.confirm.body', { name })}</Text>
            <ErrorBar error={removing.error} context="invitation" />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void confirm()} disabled={removing.busy}>
              {t('invitation.partners.confirm.remove')}
            </Button>
            <Button onClick={() => onClose(false)} disabled={removing.busy}>
              {t('invitation.partners.confirm.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
