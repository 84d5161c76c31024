// Customer permissions (Account tab): whether the customer may buy Azure reservations itself,
// billed to this partner (the partner's self-serve policy for the customer). Global admins and
// Admin agents toggle it; Sales and Helpdesk agents read it; only the partner that bills the
// customer (direct-bill, indirect provider) can grant it — the API refuses others (700204).
import { Spinner, Subtitle1, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

import { ownProfile, sellsDirectly, type Profile } from '../../api/partner';
import { ErrorBar } from '../../components/ErrorBar';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { can } from '../../session/permissions';
import { useMe } from '../../session/SessionProvider';
import { RESERVATIONS, getPolicy, grants, setPermission, type SelfServePolicy } from './policyApi';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
});

export function CustomerPermissions({ customerId }: { customerId: string }) {
  const styles = useStyles();
  const t = useT();
  const me = useMe();
  const mayChange = can(me, 'manageSelfServePolicy');
  const [policy, setPolicy] = useState<SelfServePolicy | null | undefined>(undefined);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const saving = useAction();

  useEffect(() => {
    getPolicy(customerId).then(setPolicy).catch(setLoadError);
    ownProfile()
      .then(setProfile)
      .catch(() => undefined); // unknown program: the switch stays usable and the API decides
  }, [customerId]);

  // Only the bill-to partner grants it: an indirect reseller's switch is disabled (its provider can).
  const billsCustomer = profile === null || sellsDirectly(profile);
  const reason = !mayChange
    ? t('customer.permissions.roleReason')
    : !billsCustomer
      ? t('customer.permissions.programReason')
      : undefined;

  const toggle = (on: boolean) =>
    saving.run(async () => {
      setSaved(false);
      setPolicy(await setPermission(customerId, policy ?? null, RESERVATIONS, on));
      setSaved(true);
    });

  return (
    <section className={styles.section} aria-labelledby="customer-permissions">
      <Subtitle1 as="h2" id="customer-permissions">
        {t('customer.permissions.title')}
      </Subtitle1>
      <Text as="p" id="customer-permissions-explain">
        {t('customer.permissions.explain')}
      </Text>
      {loadError ? (
        <ErrorBar error={loadError} />
      ) : policy === undefined ? (
        <Spinner label={t('shell.loading')} />
      ) : (
        <>
          <Switch
            label={t('customer.permissions.reservations')}
            checked={grants(policy, RESERVATIONS)}
            disabled={reason !== undefined || saving.busy}
            aria-describedby="customer-permissions-explain"
            onChange={(_, d) => void toggle(d.checked)}
          />
          {reason && <Text>{reason}</Text>}
          {saved && !saving.error && <Text role="status">{t('customer.permissions.saved')}</Text>}
          <ErrorBar error={saving.error} />
        </>
      )}
    </section>
  );
}
