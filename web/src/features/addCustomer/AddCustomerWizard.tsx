// Add customer: Account info → Next: Subscriptions → Next: Review → Submit (or Cancel, which
// creates nothing: nothing is sent before Submit) → Confirmation with the admin's temporary
// password, once → Done. Submit creates the customer, then, when subscriptions were chosen,
// attests the customer agreement and places one order for them all.
import { Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate, useSearchParams } from 'react-router';

import { ApiError } from '../../api/client';
import { isProvider, listResellers, ownProfile, type Reseller } from '../../api/partner';
import { ErrorBar } from '../../components/ErrorBar';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { AccountStep } from './AccountStep';
import { confirmAgreement, createCustomer, placeOrder, type CreatedCustomer, type Offer } from './api';
import { ConfirmationStep } from './ConfirmationStep';
import { checkAccount, customerBody, emptyAccount, fieldOfServerError, type AccountField, type Line } from './model';
import { ReviewStep } from './ReviewStep';
import { linesValid, SubscriptionsStep } from './SubscriptionsStep';
import { useDomainCheck } from './useDomainCheck';

type Step = 'account' | 'subscriptions' | 'review' | 'done';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { ...typographyStyles.title2, margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

export function AddCustomerWizard() {
  const styles = useStyles();
  const t = useT();
  const intl = useIntl();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>('account');
  // ?reseller=<tenant ID>: started from a reseller's row (Indirect resellers → Add new customer).
  const [params] = useSearchParams();
  const [account, setAccount] = useState(() => ({ ...emptyAccount('US'), resellerId: params.get('reseller') ?? '' }));
  const [shown, setShown] = useState<Set<AccountField>>(new Set());
  const [serverProblem, setServerProblem] = useState<{ field: AccountField; text: string } | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [offers, setOffers] = useState<Offer[]>([]);
  const [resellers, setResellers] = useState<Reseller[] | null>(null);
  const [created, setCreated] = useState<CreatedCustomer | null>(null);
  const [orderError, setOrderError] = useState<unknown>(null);
  const submitting = useAction();
  const titleRef = useRef<HTMLHeadingElement>(null);

  // Each step starts at its title, for keyboard and screen-reader users (not on the first).
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) firstStep.current = false;
    else titleRef.current?.focus();
  }, [step]);

  useEffect(() => {
    ownProfile()
      .then((p) => (isProvider(p) ? listResellers().then(setResellers) : undefined))
      .catch(() => setResellers(null));
  }, []);

  const problems = useMemo(() => checkAccount(account), [account]);
  const domainState = useDomainCheck(account.domain.trim().toLowerCase(), !problems.domain);
  const accountOk = Object.keys(problems).length === 0 && domainState !== 'taken';
  const onOffers = useCallback((o: Offer[]) => setOffers(o), []);

  const change = (field: AccountField, value: string) => {
    setAccount((a) => ({ ...a, [field]: value }));
    setShown((s) => new Set(s).add(field));
    if (field === 'country') setLines([]); // offers differ by country
    if (serverProblem?.field === field) setServerProblem(null);
  };

  const next = () => {
    if (step === 'account') {
      setShown(new Set(Object.keys(account) as AccountField[]));
      if (accountOk) setStep('subscriptions');
    } else if (step === 'subscriptions') {
      if (linesValid(lines, offers)) setStep('review');
    }
  };

  const submit = () =>
    submitting.run(async () => {
      let customer: CreatedCustomer;
      try {
        customer = await createCustomer(customerBody(account, intl.locale.slice(0, 2)));
      } catch (e) {
        // A field the server refused: back to it, with the server's words next to it.
        const field = e instanceof ApiError ? fieldOfServerError(e.description) : undefined;
        if (field && e instanceof ApiError) {
          setServerProblem({ field, text: e.description });
          setStep('account');
          return;
        }
        throw e;
      }
      if (lines.length > 0) {
        try {
          await confirmAgreement(customer.id, account);
          await placeOrder(customer.id, lines);
        } catch (e) {
          setOrderError(e); // the customer exists: still show its password, this once
        }
      }
      setCreated(customer);
      setStep('done');
    });

  const title =
    step === 'done' ? t('addCustomer.step.done') : t('addCustomer.title', { step: t(`addCustomer.step.${step}`) });

  return (
    <section className={styles.page} aria-labelledby="add-customer-title">
      <h1 className={styles.title} id="add-customer-title" ref={titleRef} tabIndex={-1}>
        {title}
      </h1>
      {step === 'account' && (
        <AccountStep
          account={account}
          problems={problems}
          serverProblem={serverProblem}
          shown={shown}
          domain={domainState}
          resellers={resellers}
          onChange={change}
        />
      )}
      {step === 'subscriptions' && (
        <SubscriptionsStep
          country={account.country}
          lines={lines}
          resellers={resellers}
          onChange={setLines}
          onOffers={onOffers}
        />
      )}
      {step === 'review' && (
        <ReviewStep account={account} lines={lines} offers={offers} resellers={resellers} onUpdate={setStep} />
      )}
      {step === 'done' && created && (
        <ConfirmationStep created={created} orderError={orderError} onDone={() => navigate('/customers')} />
      )}
      {step !== 'done' && (
        <>
          <ErrorBar error={submitting.error} />
          <div className={styles.actions}>
            {step === 'account' && (
              <Button appearance="primary" onClick={next}>
                {t('addCustomer.next.subscriptions')}
              </Button>
            )}
            {step === 'subscriptions' && (
              <>
                <Button onClick={() => setStep('account')}>{t('addCustomer.back')}</Button>
                <Button appearance="primary" onClick={next}>
                  {t('addCustomer.next.review')}
                </Button>
              </>
            )}
            {step === 'review' && (
              <Button appearance="primary" onClick={() => void submit()} disabled={submitting.busy}>
                {t('addCustomer.submit')}
              </Button>
            )}
            <Button onClick={() => navigate('/customers')} disabled={submitting.busy}>
              {t('addCustomer.cancel')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
