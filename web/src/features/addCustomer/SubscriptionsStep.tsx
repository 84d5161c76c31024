// Step 2, subscriptions: offers sold in the customer's country, a license count each, and for
// providers the reseller of record per line. Optional: a customer may start with none.
import { Button, Checkbox, Field, Input, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

import { ErrorBar } from '../../components/ErrorBar';
import type { Reseller } from '../../api/partner';
import { ResellerSelect } from '../../components/ResellerSelect';
import { useT } from '../../i18n/LanguageProvider';
import { listOffers, type Offer } from './api';
import type { Line } from './model';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  offer: { minWidth: '240px', flexGrow: 1 },
  quantity: { width: '120px' },
});

interface Props {
  country: string;
  lines: Line[];
  resellers: Reseller[] | null;
  onChange: (lines: Line[]) => void;
  onOffers: (offers: Offer[]) => void;
}

export function SubscriptionsStep({ country, lines, resellers, onChange, onOffers }: Props) {
  const styles = useStyles();
  const t = useT();
  const [offers, setOffers] = useState<Offer[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    listOffers(country)
      .then((o) => {
        setOffers(o);
        onOffers(o);
      })
      .catch(setError);
  }, [country, onOffers]);

  if (error) return <ErrorBar error={error} />;
  if (!offers) return <Spinner label={t('shell.loading')} />;

  const lineOf = (offer: Offer) => lines.find((l) => l.offerId === offer.id);
  const update = (offerId: string, change: Partial<Line>) =>
    onChange(lines.map((l) => (l.offerId === offerId ? { ...l, ...change } : l)));

  return (
    <>
      <Text as="p">{t('addCustomer.subscriptions.intro')}</Text>
      <ul className={styles.list}>
        {offers.map((offer) => {
          const line = lineOf(offer);
          const outOfRange = line && (line.quantity < offer.minimumQuantity || line.quantity > offer.maximumQuantity);
          return (
            <li key={offer.id} className={styles.line}>
              <Checkbox
                className={styles.offer}
                label={offer.name}
                checked={line !== undefined}
                onChange={(_, d) =>
                  onChange(
                    d.checked
                      ? [...lines, { offerId: offer.id, quantity: offer.minimumQuantity, resellerMpnId: '' }]
                      : lines.filter((l) => l.offerId !== offer.id),
                  )
                }
              />
              {line && (
                <>
                  <Field
                    className={styles.quantity}
                    label={t('addCustomer.subscriptions.quantity', { offer: offer.name })}
                    validationMessage={
                      outOfRange
                        ? t('addCustomer.subscriptions.range', {
                            min: offer.minimumQuantity,
                            max: offer.maximumQuantity,
                          })
                        : undefined
                    }
                  >
                    <Input
                      type="number"
                      min={offer.minimumQuantity}
                      max={offer.maximumQuantity}
                      value={String(line.quantity)}
                      onChange={(_, d) => update(offer.id, { quantity: Number(d.value) })}
                    />
                  </Field>
                  {resellers && (
                    <Field label={t('addCustomer.subscriptions.reseller', { offer: offer.name })}>
                      <ResellerSelect
                        resellers={resellers}
                        by="mpnId"
                        value={line.resellerMpnId}
                        onChange={(v) => update(offer.id, { resellerMpnId: v })}
                        emptyLabel={t('addCustomer.reseller.none')}
                      />
                    </Field>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
      <Button appearance="transparent" onClick={() => onChange([])} disabled={lines.length === 0}>
        {t('addCustomer.subscriptions.clear')}
      </Button>
    </>
  );
}

export function linesValid(lines: Line[], offers: Offer[]): boolean {
  return lines.every((l) => {
    const o = offers.find((offer) => offer.id === l.offerId);
    return (
      o !== undefined &&
      Number.isInteger(l.quantity) &&
      l.quantity >= o.minimumQuantity &&
      l.quantity <= o.maximumQuantity
    );
  });
}
