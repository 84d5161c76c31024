// Add subscription: the Add customer wizard's line editor (offers sold in the customer's
// country, a license count each, a reseller of record per line for providers), then one order.
// Refused for want of the customer agreement (13605): a link to the Account tab's section.
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';

import { ApiError } from '../../api/client';
import { isProvider, listResellers, ownProfile, type Reseller } from '../../api/partner';
import { ErrorBar } from '../../components/ErrorBar';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { placeOrder, type Offer } from '../addCustomer/api';
import type { Line } from '../addCustomer/model';
import { SubscriptionsStep, linesValid } from '../addCustomer/SubscriptionsStep';
import { getBillingProfile } from './api';
import { AGREEMENT_ANCHOR } from './CustomerAgreement';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/** The order needs the customer's acceptance of the Microsoft Customer Agreement first. */
const MCA_REQUIRED = '13605';

interface Props {
  customerId: string;
  /** Called with true after an order, false on Cancel. */
  onDone: (ordered: boolean) => void;
}

export function AddSubscription({ customerId, onDone }: Props) {
  const styles = useStyles();
  const t = useT();
  const [country, setCountry] = useState<string | null>(null);
  const [resellers, setResellers] = useState<Reseller[] | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [offers, setOffers] = useState<Offer[]>([]);
  const [error, setError] = useState<unknown>(null);
  const ordering = useAction();

  useEffect(() => {
    getBillingProfile(customerId)
      .then(({ profile }) => setCountry(profile.defaultAddress.country))
      .catch(setError);
    ownProfile()
      .then((p) => (isProvider(p) ? listResellers().then(setResellers) : undefined))
      .catch(() => setResellers(null)); // no reseller choice: the order is the provider's own
  }, [customerId]);

  const order = () =>
    ordering.run(async () => {
      await placeOrder(customerId, lines);
      onDone(true);
    });

  if (error) return <ErrorBar error={error} />;
  if (!country) return <Spinner label={t('shell.loading')} />;
  return (
    <section className={styles.box} aria-label={t('customer.subscriptions.add')}>
      <SubscriptionsStep
        country={country}
        lines={lines}
        resellers={resellers}
        onChange={setLines}
        onOffers={setOffers}
      />
      <ErrorBar error={ordering.error} id="add-subscription-error" />
      {ordering.error instanceof ApiError && ordering.error.code === MCA_REQUIRED && (
        <RouterLink
          to={`/customers/${customerId}/account#${AGREEMENT_ANCHOR}`}
          aria-describedby="add-subscription-error"
        >
          {t('customer.subscriptions.toAgreement')}
        </RouterLink>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={order}
          disabled={ordering.busy || lines.length === 0 || !linesValid(lines, offers)}
        >
          {t('customer.subscriptions.order')}
        </Button>
        <Button onClick={() => onDone(false)}>{t('customer.subscriptions.cancel')}</Button>
      </div>
    </section>
  );
}
