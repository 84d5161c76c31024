// Customer agreement (Account tab): the customer's acceptance of the Microsoft Customer
// Agreement as the partners related to it attested it, and a form to attest it — orders need
// one (the API answers 403 13605 without). Global admins, Admin agents and Sales agents of a
// partner that bills the customer attest; an indirect reseller's form is disabled (its provider
// attests); other roles read the list with the reason. Add subscription links here
// (#customer-agreement) when an order was refused for want of it.
import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  Spinner,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { useLocation } from 'react-router';

import { ownProfile, sellsDirectly, type Profile } from '../../api/partner';
import { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { can } from '../../session/permissions';
import { useMe } from '../../session/SessionProvider';
import {
  agreementFieldOf,
  checkAgreement,
  confirmAgreement,
  knownRefusal,
  listAgreements,
  today,
  type Agreement,
  type AgreementField,
  type AgreementForm,
} from './agreementApi';

/** The section's anchor: /customers/{id}/account#customer-agreement. */
export const AGREEMENT_ANCHOR = 'customer-agreement';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  title: { ...typographyStyles.subtitle1, margin: 0, ':focus': { outline: 'none' } },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, overflowWrap: 'anywhere' },
  form: {
    alignSelf: 'stretch',
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    alignItems: 'start',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

const FIELDS: { field: AgreementField; label: string; type: 'text' | 'email' | 'tel' | 'date'; required: boolean }[] = [
  { field: 'firstName', label: 'customer.agreement.firstName', type: 'text', required: true },
  { field: 'lastName', label: 'customer.agreement.lastName', type: 'text', required: true },
  { field: 'email', label: 'customer.agreement.email', type: 'email', required: true },
  { field: 'phoneNumber', label: 'customer.agreement.phoneNumber', type: 'tel', required: false },
  { field: 'dateAgreed', label: 'customer.agreement.dateAgreed', type: 'date', required: true },
];

export function CustomerAgreement({ customerId }: { customerId: string }) {
  const styles = useStyles();
  const t = useT();
  const intl = useIntl();
  const me = useMe();
  const location = useLocation();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const mayConfirm = can(me, 'confirmCustomerAgreement');
  const latest = useMemo(() => today(), []);
  const empty: AgreementForm = { firstName: '', lastName: '', email: '', phoneNumber: '', dateAgreed: latest };
  const [agreements, setAgreements] = useState<Agreement[] | null>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [form, setForm] = useState<AgreementForm>(empty);
  const [accepted, setAccepted] = useState(false);
  const [shown, setShown] = useState(new Set<string>());
  const [serverProblem, setServerProblem] = useState<{ field: AgreementField; text: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const saving = useAction();

  useEffect(() => {
    listAgreements(customerId).then(setAgreements).catch(setLoadError);
    ownProfile()
      .then(setProfile)
      .catch(() => undefined); // unknown program: the form stays usable and the API decides
  }, [customerId]);

  // Sent here from Add subscription's refusal: this section, in view and focused.
  useEffect(() => {
    if (location.hash === `#${AGREEMENT_ANCHOR}` && agreements !== null) {
      titleRef.current?.scrollIntoView({ block: 'start' });
      titleRef.current?.focus();
    }
  }, [location.hash, agreements]);

  const problems = useMemo(() => checkAgreement(form, latest), [form, latest]);
  const billsCustomer = profile === null || sellsDirectly(profile);
  const reason = !mayConfirm
    ? t('customer.agreement.roleReason')
    : !billsCustomer
      ? t('customer.agreement.programReason')
      : undefined;

  const problem = (field: AgreementField) => {
    if (serverProblem?.field === field) return serverProblem.text;
    const key = problems[field];
    return shown.has(field) && key ? t(key) : undefined;
  };

  const change = (field: AgreementField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setShown((s) => new Set(s).add(field));
    if (serverProblem?.field === field) setServerProblem(null);
    setSaved(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(new Set([...FIELDS.map((f) => f.field), 'accepted']));
    if (Object.keys(problems).length > 0 || !accepted) return;
    void saving.run(async () => {
      setSaved(false);
      try {
        const phone = form.phoneNumber.trim();
        await confirmAgreement(
          customerId,
          {
            firstName: form.firstName.trim(),
            lastName: form.lastName.trim(),
            email: form.email.trim(),
            ...(phone ? { phoneNumber: phone } : {}),
          },
          form.dateAgreed,
        );
      } catch (e) {
        // A field the server refused: next to that field, in the user's words when known.
        const field = e instanceof ApiError ? agreementFieldOf(e.description) : undefined;
        if (field && e instanceof ApiError) {
          const known = knownRefusal(e.description);
          setServerProblem({ field, text: known ? t(known) : e.description });
          return;
        }
        throw e;
      }
      setAgreements(await listAgreements(customerId));
      setForm(empty);
      setAccepted(false);
      setShown(new Set());
      setSaved(true);
    });
  };

  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeZone: 'UTC' });

  return (
    <section className={styles.section} aria-labelledby={AGREEMENT_ANCHOR} id={`${AGREEMENT_ANCHOR}-section`}>
      <h2 id={AGREEMENT_ANCHOR} ref={titleRef} tabIndex={-1} className={styles.title}>
        {t('customer.agreement.title')}
      </h2>
      <Text as="p" id="customer-agreement-explain">
        {t('customer.agreement.explain')}{' '}
        <Link href="https://www.microsoft.com/licensing/docs/customeragreement" target="_blank" rel="noreferrer">
          {t('customer.agreement.link')}
        </Link>
      </Text>
      {loadError ? (
        <ErrorBar error={loadError} />
      ) : agreements === null ? (
        <Spinner label={t('shell.loading')} />
      ) : agreements.length === 0 ? (
        <Text role="status">{t('customer.agreement.none')}</Text>
      ) : (
        <ul className={styles.list} aria-label={t('customer.agreement.listLabel')}>
          {agreements.map((a, i) => (
            <li key={i}>
              {t('customer.agreement.item', {
                name: `${a.primaryContact.firstName} ${a.primaryContact.lastName}`,
                email: a.primaryContact.email,
                date: date(a.dateAgreed),
              })}
              {a.primaryContact.phoneNumber &&
                ` ${t('customer.agreement.itemPhone', { phone: a.primaryContact.phoneNumber })}`}
              {a.userId === me.id && ` ${t('customer.agreement.byYou')}`}
            </li>
          ))}
        </ul>
      )}
      {mayConfirm && (
        <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="customer-agreement-form">
          <Text as="h3" weight="semibold" id="customer-agreement-form">
            {t('customer.agreement.formTitle')}
          </Text>
          <fieldset disabled={reason !== undefined} className={styles.form}>
            <div className={styles.grid}>
              {FIELDS.map(({ field, label, type, required }) => (
                <Field
                  key={field}
                  label={t(label)}
                  required={required}
                  hint={field === 'dateAgreed' ? t('customer.agreement.dateHint') : undefined}
                  validationMessage={problem(field)}
                >
                  <Input
                    name={`agreement-${field}`}
                    type={type}
                    max={type === 'date' ? latest : undefined}
                    value={form[field]}
                    onChange={(_, d) => change(field, d.value)}
                  />
                </Field>
              ))}
            </div>
            <Field
              validationMessage={shown.has('accepted') && !accepted ? t('customer.agreement.error.attest') : undefined}
            >
              <Checkbox
                label={t('customer.agreement.attest')}
                checked={accepted}
                onChange={(_, d) => {
                  setAccepted(d.checked === true);
                  setSaved(false);
                }}
              />
            </Field>
            <ErrorBar error={saving.error} />
            {saved && <Text role="status">{t('customer.agreement.saved')}</Text>}
            <div className={styles.actions}>
              <Button
                appearance="primary"
                type="submit"
                disabled={saving.busy || reason !== undefined}
                aria-describedby={reason ? 'customer-agreement-reason' : undefined}
              >
                {t('customer.agreement.submit')}
              </Button>
            </div>
          </fieldset>
          {reason && <Text id="customer-agreement-reason">{reason}</Text>}
        </form>
      )}
      {!mayConfirm && <Text>{reason}</Text>}
    </section>
  );
}
