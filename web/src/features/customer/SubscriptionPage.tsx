// Subscription details: quantity, status (suspend / reactivate, with the suspension's expiry),
// friendly name, auto-renew, Reseller (MPN ID) for providers, and the designated support
// contact. Each change is its own PATCH (or PUT) with its error next to its control.
import { Button, Field, Input, Spinner, Switch, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';

import { isProvider, listResellers, ownProfile, type Profile, type Reseller } from '../../api/partner';
import { ErrorBar } from '../../components/ErrorBar';
import { ResellerSelect } from '../../components/ResellerSelect';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { can } from '../../session/permissions';
import { useMe } from '../../session/SessionProvider';
import type { Subscription } from './api';
import { Setting } from './Setting';
import {
  getSubscription,
  getSupportContact,
  patchSubscription,
  putSupportContact,
  type SubscriptionChange,
  type SupportContact,
} from './subscriptionApi';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  quantity: { width: '140px' },
  // The number input's own width would push it over the button next to it: it fits the field.
  quantityInput: { width: '100%', minWidth: 0 },
  quantityInputElement: { minWidth: 0 },
});

export function SubscriptionPage() {
  const styles = useStyles();
  const t = useT();
  const me = useMe();
  const { customerId = '', subscriptionId = '' } = useParams();
  const [sub, setSub] = useState<Subscription | null>(null);
  const [contact, setContact] = useState<SupportContact | null>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [resellers, setResellers] = useState<Reseller[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [quantity, setQuantity] = useState('');
  const [name, setName] = useState('');
  const [resellerMpnId, setResellerMpnId] = useState('');
  const [supportMpnId, setSupportMpnId] = useState('');
  const actions = {
    quantity: useAction(),
    status: useAction(),
    name: useAction(),
    autoRenew: useAction(),
    reseller: useAction(),
    support: useAction(),
  };

  const show = (s: Subscription) => {
    setSub(s);
    setQuantity(String(s.quantity));
    setName(s.friendlyName);
    setResellerMpnId(s.partnerId ?? '');
  };

  useEffect(() => {
    getSubscription(customerId, subscriptionId).then(show).catch(setLoadError);
    getSupportContact(customerId, subscriptionId)
      .then((c) => {
        setContact(c);
        setSupportMpnId(c.supportMpnId);
      })
      .catch(setLoadError);
    ownProfile()
      .then((p) => {
        setProfile(p);
        if (isProvider(p)) return listResellers().then(setResellers);
      })
      .catch(() => setProfile(null)); // no reseller choices: the settings that need them stay read-only
  }, [customerId, subscriptionId]);

  if (loadError) return <ErrorBar error={loadError} />;
  if (!sub || !contact) return <Spinner label={t('shell.loading')} />;

  const change = (action: keyof typeof actions, c: SubscriptionChange) =>
    actions[action].run(async () => show(await patchSubscription(sub, customerId, c)));
  const denied = t('customer.details.roleReason');
  const mayUpdate = can(me, 'updateSubscription');
  const suspended = sub.status === 'suspended';
  const busy = Object.values(actions).some((a) => a.busy);

  return (
    <section className={styles.page} aria-labelledby="subscription-title">
      <RouterLink to={`/customers/${customerId}/subscriptions`}>{t('customer.details.back')}</RouterLink>
      <Title2 as="h1" id="subscription-title">
        {sub.friendlyName || sub.offerName}
      </Title2>
      <Text>{t('customer.details.offer', { offer: sub.offerName, id: sub.id })}</Text>

      <Setting
        id="setting-quantity"
        title={t('customer.subscriptions.quantity')}
        error={actions.quantity.error}
        reason={!mayUpdate ? denied : suspended ? t('customer.details.quantitySuspended') : undefined}
      >
        <Field className={styles.quantity} label={t('customer.details.quantityLabel')}>
          <Input
            className={styles.quantityInput}
            input={{ className: styles.quantityInputElement }}
            type="number"
            min={1}
            value={quantity}
            disabled={!mayUpdate || suspended}
            onChange={(_, d) => setQuantity(d.value)}
          />
        </Field>
        <Button
          disabled={!mayUpdate || suspended || busy || Number(quantity) === sub.quantity}
          onClick={() => change('quantity', { quantity: Number(quantity) })}
        >
          {t('customer.details.quantitySave')}
        </Button>
      </Setting>

      <Setting
        id="setting-status"
        title={t('customer.subscriptions.status')}
        error={actions.status.error}
        reason={mayUpdate ? undefined : denied}
      >
        <Text>
          {suspended && sub.suspensionExpiryDate
            ? t('customer.details.suspendedUntil', { date: new Date(sub.suspensionExpiryDate) })
            : t(`customer.status.${suspended || sub.status === 'active' ? sub.status : 'other'}`, {
                status: sub.status,
              })}
        </Text>
        {(sub.status === 'active' || suspended) && (
          <Button
            disabled={!mayUpdate || busy}
            onClick={() => change('status', { status: suspended ? 'active' : 'suspended' })}
          >
            {t(suspended ? 'customer.details.reactivate' : 'customer.details.suspend')}
          </Button>
        )}
      </Setting>

      <Setting
        id="setting-name"
        title={t('customer.details.friendlyName')}
        error={actions.name.error}
        reason={mayUpdate ? undefined : denied}
      >
        <Field label={t('customer.details.friendlyNameLabel')}>
          <Input value={name} maxLength={128} disabled={!mayUpdate} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Button
          disabled={!mayUpdate || busy || name.trim() === sub.friendlyName}
          onClick={() => change('name', { friendlyName: name.trim() })}
        >
          {t('customer.details.friendlyNameSave')}
        </Button>
      </Setting>

      <Setting
        id="setting-autorenew"
        title={t('customer.details.autoRenew')}
        error={actions.autoRenew.error}
        reason={mayUpdate ? undefined : denied}
      >
        <Switch
          label={t('customer.details.autoRenewLabel')}
          checked={sub.autoRenewEnabled}
          disabled={!mayUpdate || busy}
          onChange={(_, d) => change('autoRenew', { autoRenewEnabled: d.checked })}
        />
      </Setting>

      {resellers && (
        <Setting
          id="setting-reseller"
          title={t('customer.details.reseller')}
          error={actions.reseller.error}
          reason={can(me, 'setResellerOfRecord') ? undefined : denied}
        >
          <Field label={t('customer.details.resellerLabel')}>
            <ResellerSelect
              resellers={resellers}
              by="mpnId"
              value={resellerMpnId}
              onChange={setResellerMpnId}
              disabled={!can(me, 'setResellerOfRecord')}
              emptyLabel={t('addCustomer.reseller.none')}
            />
          </Field>
          <Button
            disabled={!can(me, 'setResellerOfRecord') || busy || resellerMpnId === (sub.partnerId ?? '')}
            onClick={() => change('reseller', { partnerId: resellerMpnId })}
          >
            {t('customer.details.resellerSave')}
          </Button>
        </Setting>
      )}

      <Setting
        id="setting-support"
        title={t('customer.details.support')}
        error={actions.support.error}
        reason={can(me, 'setSupportContact') ? undefined : denied}
      >
        <Text>{t('customer.details.supportCurrent', { name: contact.name, mpnId: contact.supportMpnId })}</Text>
        {resellers && profile && (
          <>
            <Field label={t('customer.details.supportLabel')}>
              <ResellerSelect
                resellers={resellers}
                by="mpnId"
                value={supportMpnId === profile.mpnId ? '' : supportMpnId}
                onChange={(v) => setSupportMpnId(v || profile.mpnId)}
                disabled={!can(me, 'setSupportContact')}
                emptyLabel={profile.partnerName}
              />
            </Field>
            <Button
              disabled={!can(me, 'setSupportContact') || busy || supportMpnId === contact.supportMpnId}
              onClick={() =>
                actions.support.run(async () => setContact(await putSupportContact(customerId, sub.id, supportMpnId)))
              }
            >
              {t('customer.details.supportSave')}
            </Button>
          </>
        )}
      </Setting>
    </section>
  );
}
