// Indirect providers (indirect resellers): the providers in partnership, each with Invite new
// customers (one link for a customer to take the reseller and that provider at once: the draft
// email) and Remove. Seeds: "Connect with customers", reference §2.4.
import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';

import { ErrorBar } from '../../components/ErrorBar';
import { useT } from '../../i18n/LanguageProvider';
import { can } from '../../session/permissions';
import { useMe } from '../../session/SessionProvider';
import { jointInvitation, listProviders, type Partnership } from './api';
import { DraftEmailDialog } from './DraftEmailDialog';
import { nameId, PartnerTable } from './PartnerTable';
import { isIndirectReseller } from './programs';
import { RemovePartnershipDialog } from './RemovePartnershipDialog';
import { usePageStyles } from './ResellersPage';

export function ProvidersPage() {
  const styles = usePageStyles();
  const t = useT();
  const me = useMe();
  const allowed = can(me, 'viewPartnerships') && isIndirectReseller(me);
  const manage = can(me, 'managePartnerships');

  const [providers, setProviders] = useState<Partnership[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [inviting, setInviting] = useState<Partnership | null>(null);
  const [removing, setRemoving] = useState<Partnership | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  // The row button that opened a dialog: focus goes back to it when the dialog closes.
  const trigger = useRef<HTMLElement | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (allowed) listProviders().then(setProviders).catch(setLoadError);
  }, [allowed]);

  if (!allowed) {
    return (
      <section className={styles.page} aria-labelledby="providers-title">
        <h1 className={styles.title} id="providers-title">
          {t('partners.providers.title')}
        </h1>
        <Text as="p">
          {t(isIndirectReseller(me) ? 'partners.providers.roleReason' : 'partners.providers.programReason')}
        </Text>
      </section>
    );
  }

  const opener = (open: (p: Partnership) => void) => (p: Partnership) => (e: { currentTarget: HTMLElement }) => {
    trigger.current = e.currentTarget;
    open(p);
  };
  const invite = opener(setInviting);
  const remove = opener(setRemoving);

  return (
    <section className={styles.page} aria-labelledby="providers-title">
      <h1 className={styles.title} id="providers-title" ref={titleRef} tabIndex={-1}>
        {t('partners.providers.title')}
      </h1>
      <Text as="p">{t('partners.providers.intro')}</Text>
      {removed && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('partners.providers.removed', { name: removed })}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={loadError} context="partners" />
      {providers === null ? (
        !loadError && <Spinner label={t('shell.loading')} />
      ) : providers.length === 0 ? (
        <Text as="p" role="status">
          {t('partners.providers.empty')}
        </Text>
      ) : (
        <PartnerTable
          label={t('partners.providers.table')}
          partners={providers}
          actions={(p) => (
            <>
              {can(me, 'requestResellerRelationship') && (
                <Button size="small" aria-describedby={nameId(p)} onClick={invite(p)}>
                  {t('partners.providers.invite')}
                </Button>
              )}
              {manage && (
                <Button size="small" aria-describedby={nameId(p)} onClick={remove(p)}>
                  {t('partners.providers.remove')}
                </Button>
              )}
            </>
          )}
        />
      )}
      <DraftEmailDialog
        open={inviting !== null}
        title={t('partners.invite.title', { provider: inviting?.name ?? '' })}
        intro={[t('partners.invite.intro', { provider: inviting?.name ?? '' })]}
        load={(locale, delegatedAdmin) => jointInvitation(inviting?.id ?? '', delegatedAdmin, locale)}
        delegatedAdmin={{
          blocked: can(me, 'requestDelegatedAdmin') ? null : 'partners.invite.delegatedAdminReason',
        }}
        onClose={() => {
          setInviting(null);
          trigger.current?.focus();
        }}
      />
      <RemovePartnershipDialog
        key={removing?.id ?? ''}
        partner={removing}
        side="provider"
        onCancel={() => {
          setRemoving(null);
          trigger.current?.focus();
        }}
        onRemoved={(p) => {
          setRemoving(null);
          setRemoved(p.name);
          setProviders((list) => list?.filter((x) => x.id !== p.id) ?? null);
          titleRef.current?.focus();
        }}
      />
    </section>
  );
}
