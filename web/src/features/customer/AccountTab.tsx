// Account: the company profile, the billing profile (Update, with the ETag it was read with:
// someone else's change in between is refused, not overwritten), and Remove customer
// relationship with the seeds' warning (the API refuses it while subscriptions are active);
// Customer agreement (CustomerAgreement) and Customer permissions (CustomerPermissions) between
// the two.
import { Button, Spinner, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';

import { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { can } from '../../session/permissions';
import { useMe } from '../../session/SessionProvider';
import { AccountStep } from '../addCustomer/AccountStep';
import { checkAccount, fieldOfServerError, type Account, type AccountField } from '../addCustomer/model';
import type { Customer } from '../customers/api';
import { getBillingProfile, removeRelationship, updateBillingProfile, type BillingProfile } from './api';
import { toAccount, toBillingProfile } from './billingForm';
import { CustomerAgreement } from './CustomerAgreement';
import { CustomerPermissions } from './CustomerPermissions';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    wordBreak: 'break-all',
  },
  form: { alignSelf: 'stretch', border: 'none', margin: 0, padding: 0, minWidth: 0 },
});

export function AccountTab({ customer }: { customer: Customer }) {
  const styles = useStyles();
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const [loaded, setLoaded] = useState<{ profile: BillingProfile; etag: string } | null>(null);
  const [account, setAccount] = useState<Account | null>(null);
  const [shown, setShown] = useState(new Set<AccountField>());
  const [serverProblem, setServerProblem] = useState<{ field: AccountField; text: string } | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const saving = useAction();
  const removing = useAction();
  const mayUpdate = can(me, 'updateCustomer');

  useEffect(() => {
    getBillingProfile(customer.id)
      .then((l) => {
        setLoaded(l);
        setAccount(toAccount(l.profile, customer.companyProfile.domain));
      })
      .catch(setLoadError);
  }, [customer]);

  const problems = useMemo(() => (account ? checkAccount(account) : {}), [account]);

  const change = (field: AccountField, value: string) => {
    setAccount((a) => (a ? { ...a, [field]: value } : a));
    setShown((s) => new Set(s).add(field));
    setServerProblem(null);
    setSaved(false);
  };

  const update = () =>
    saving.run(async () => {
      if (!account || !loaded) return;
      setShown(new Set(Object.keys(account) as AccountField[]));
      if (Object.keys(problems).length > 0) return;
      try {
        const next = await updateBillingProfile(customer.id, toBillingProfile(account, loaded.profile), loaded.etag);
        setLoaded(next);
        setSaved(true);
      } catch (e) {
        // A field the server refused: its words next to that field.
        const field = e instanceof ApiError ? fieldOfServerError(e.description) : undefined;
        if (field && e instanceof ApiError) {
          setServerProblem({ field, text: e.description });
          return;
        }
        throw e;
      }
    });

  const remove = () =>
    removing.run(async () => {
      await removeRelationship(customer.id);
      navigate('/customers');
    });

  return (
    <>
      <section className={styles.section} aria-labelledby="company-profile">
        <Subtitle1 as="h2" id="company-profile">
          {t('customer.account.company')}
        </Subtitle1>
        <dl className={styles.details}>
          <dt>{t('customer.account.tenantId')}</dt>
          <dd>{customer.id}</dd>
          <dt>{t('customer.account.domain')}</dt>
          <dd>{customer.companyProfile.domain}</dd>
        </dl>
      </section>
      <section className={styles.section} aria-labelledby="billing-profile">
        <Subtitle1 as="h2" id="billing-profile">
          {t('customer.account.billing')}
        </Subtitle1>
        {loadError ? (
          <ErrorBar error={loadError} />
        ) : !account ? (
          <Spinner label={t('shell.loading')} />
        ) : (
          <>
            <fieldset disabled={!mayUpdate} className={styles.form}>
              <AccountStep
                account={account}
                problems={problems}
                serverProblem={serverProblem}
                shown={shown}
                domain="idle"
                resellers={null}
                onChange={change}
                billingOnly
              />
            </fieldset>
            <ErrorBar error={saving.error} />
            {saved && <Text role="status">{t('customer.account.saved')}</Text>}
            {mayUpdate ? (
              <Button appearance="primary" onClick={update} disabled={saving.busy}>
                {t('customer.account.update')}
              </Button>
            ) : (
              <Text>{t('customer.account.updateReason')}</Text>
            )}
          </>
        )}
      </section>
      <CustomerAgreement customerId={customer.id} />
      {can(me, 'viewSelfServePolicy') && <CustomerPermissions customerId={customer.id} />}
      {can(me, 'removeCustomerRelationship') && (
        <section className={styles.section} aria-labelledby="remove-relationship">
          <Subtitle1 as="h2" id="remove-relationship">
            {t('customer.remove.title')}
          </Subtitle1>
          <Text as="p" id="remove-warning">
            {t('customer.remove.warning')}
          </Text>
          <ErrorBar error={removing.error} />
          <Button onClick={remove} disabled={removing.busy} aria-describedby="remove-warning">
            {t('customer.remove.submit')}
          </Button>
        </section>
      )}
    </>
  );
}
