// Step 3, review: what will be created, each section with Update to go back to its step.
import { Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';

import type { Reseller } from '../../api/partner';
import { useT } from '../../i18n/LanguageProvider';
import type { Offer } from './api';
import type { Account, Line } from './model';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    overflowWrap: 'anywhere',
  },
});

type Step = 'account' | 'subscriptions';

/** One step's answers, titled, with Update (described by the title: "Update, Account info"). */
function Section({ step, onUpdate, children }: { step: Step; onUpdate: (step: Step) => void; children: ReactNode }) {
  const styles = useStyles();
  const t = useT();
  const id = `review-${step}`;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.header}>
        <Subtitle2 as="h2" id={id}>
          {t(`addCustomer.step.${step}`)}
        </Subtitle2>
        <Button size="small" aria-describedby={id} onClick={() => onUpdate(step)}>
          {t('addCustomer.review.update')}
        </Button>
      </div>
      {children}
    </section>
  );
}

interface Props {
  account: Account;
  lines: Line[];
  offers: Offer[];
  resellers: Reseller[] | null;
  onUpdate: (step: Step) => void;
}

export function ReviewStep({ account, lines, offers, resellers, onUpdate }: Props) {
  const styles = useStyles();
  const t = useT();
  const reseller = resellers?.find((r) => r.id === account.resellerId);
  const rows: [string, string][] = [
    ['addCustomer.field.companyName', account.companyName],
    ['addCustomer.field.domain', t('addCustomer.domain.full', { domain: account.domain })],
    ['addCustomer.field.firstName', account.firstName],
    ['addCustomer.field.lastName', account.lastName],
    ['addCustomer.field.email', account.email],
    ['addCustomer.field.addressLine1', account.addressLine1],
    ['addCustomer.field.city', account.city],
    ['addCustomer.field.postalCode', account.postalCode],
  ];
  if (reseller) rows.push(['addCustomer.field.reseller', reseller.name]);

  return (
    <>
      <Section step="account" onUpdate={onUpdate}>
        <dl className={styles.list}>
          {rows.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{t(label)}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      </Section>
      <Section step="subscriptions" onUpdate={onUpdate}>
        {lines.length === 0 ? (
          <p>{t('addCustomer.review.noSubscriptions')}</p>
        ) : (
          <ul>
            {lines.map((l) => {
              const offer = offers.find((o) => o.id === l.offerId);
              const onRecord = resellers?.find((r) => r.mpnId === l.resellerMpnId);
              return (
                <li key={l.offerId}>
                  {t('addCustomer.review.line', { offer: offer?.name ?? l.offerId, count: l.quantity })}
                  {onRecord && ` — ${t('addCustomer.review.onRecord', { reseller: onRecord.name })}`}
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </>
  );
}
