// Step 1, account info: the company, its domain (checked live), the billing contact and
// address, and for providers the indirect reseller it is created for. Errors show as the user
// types (after the first change of a field), and all of them on Next.
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';

import type { Reseller } from '../../api/partner';
import { CountrySelect } from '../../components/CountrySelect';
import { ResellerSelect } from '../../components/ResellerSelect';
import { useT } from '../../i18n/LanguageProvider';
import type { Account, AccountField, Problems } from './model';
import type { DomainState } from './useDomainCheck';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    alignItems: 'start',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
});

interface Props {
  account: Account;
  problems: Problems;
  /** What the server said of a field at Submit (its own words: no catalog has them). */
  serverProblem: { field: AccountField; text: string } | null;
  /** Fields the user has changed, or all once Next was pressed: their problems are shown. */
  shown: Set<AccountField>;
  domain: DomainState;
  resellers: Reseller[] | null;
  onChange: (field: AccountField, value: string) => void;
  /** An existing customer's billing profile: no domain, no reseller, the country fixed. */
  billingOnly?: boolean;
  /** A company signing itself up (the invitation's sign-up): the domain hint speaks to it. */
  ownCompany?: boolean;
}

export function AccountStep(props: Props) {
  const {
    account,
    problems,
    serverProblem,
    shown,
    domain,
    resellers,
    onChange,
    billingOnly = false,
    ownCompany = false,
  } = props;
  const styles = useStyles();
  const t = useT();

  const problem = (field: AccountField) => {
    if (serverProblem?.field === field) return serverProblem.text;
    const key = problems[field];
    return shown.has(field) && key ? t(key) : undefined;
  };

  const text = (
    field: AccountField,
    label: string,
    required: boolean,
    type: 'text' | 'email' | 'tel' = 'text',
    autoComplete?: string,
  ) => (
    <Field label={t(label)} required={required} validationMessage={problem(field)}>
      <Input
        name={field}
        type={type}
        autoComplete={autoComplete}
        value={account[field]}
        onChange={(_, d) => onChange(field, d.value)}
      />
    </Field>
  );

  const domainMessage =
    problem('domain') ??
    (domain === 'taken' ? t('addCustomer.domain.taken') : domain === 'free' ? t('addCustomer.domain.free') : undefined);

  return (
    <div className={styles.grid}>
      {text('companyName', 'addCustomer.field.companyName', true, 'text', 'organization')}
      {!billingOnly && (
        <Field
          label={t('addCustomer.field.domain')}
          required
          hint={t(ownCompany ? 'addCustomer.domain.hintOwn' : 'addCustomer.domain.hint', {
            domain: account.domain || 'contoso',
          })}
          validationMessage={domainMessage}
          validationState={problem('domain') || domain === 'taken' ? 'error' : domain === 'free' ? 'success' : 'none'}
        >
          <Input name="domain" value={account.domain} onChange={(_, d) => onChange('domain', d.value)} />
        </Field>
      )}
      {resellers && !billingOnly && (
        <Field label={t('addCustomer.field.reseller')} validationMessage={problem('resellerId')}>
          <ResellerSelect
            name="resellerId"
            resellers={resellers}
            value={account.resellerId}
            onChange={(v) => onChange('resellerId', v)}
            emptyLabel={t('addCustomer.reseller.none')}
          />
        </Field>
      )}
      {text('firstName', 'addCustomer.field.firstName', true, 'text', 'given-name')}
      {text('lastName', 'addCustomer.field.lastName', true, 'text', 'family-name')}
      {text('email', 'addCustomer.field.email', true, 'email', 'email')}
      {text('phoneNumber', 'addCustomer.field.phoneNumber', false, 'tel', 'tel')}
      <Field label={t('addCustomer.field.country')} required>
        <CountrySelect
          name="country"
          value={account.country}
          disabled={billingOnly}
          onChange={(v) => onChange('country', v)}
        />
      </Field>
      {text('addressLine1', 'addCustomer.field.addressLine1', true, 'text', 'address-line1')}
      {text('city', 'addCustomer.field.city', true, 'text', 'address-level2')}
      {text('state', 'addCustomer.field.state', false, 'text', 'address-level1')}
      {text('postalCode', 'addCustomer.field.postalCode', true, 'text', 'postal-code')}
    </div>
  );
}
