// Add user: names, the user name on the customer's domain, the usage location (which licenses
// need); the API's refusal of a field shows next to it.
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';

import { ApiError } from '../../api/client';
import { CountrySelect } from '../../components/CountrySelect';
import { ErrorBar } from '../../components/ErrorBar';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { createUser, type CustomerUser, type NewUser } from './usersApi';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    alignItems: 'start',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

type FieldName = 'firstName' | 'lastName' | 'displayName' | 'userPrincipalName';
const FIELDS: FieldName[] = ['firstName', 'lastName', 'displayName', 'userPrincipalName'];
const REQUIRED: FieldName[] = ['displayName', 'userPrincipalName'];

interface Props {
  customerId: string;
  domain: string;
  country: string;
  onCreated: (user: CustomerUser) => void;
  onCancel: () => void;
}

export function NewUserForm({ customerId, domain, country, onCreated, onCancel }: Props) {
  const styles = useStyles();
  const t = useT();
  const [values, setValues] = useState<Record<FieldName, string>>({
    firstName: '',
    lastName: '',
    displayName: '',
    userPrincipalName: '',
  });
  const [usageLocation, setUsageLocation] = useState(country);
  const [tried, setTried] = useState(false);
  const [serverProblem, setServerProblem] = useState<{ field: string; text: string } | null>(null);
  const creating = useAction();

  const missing = (f: FieldName) => REQUIRED.includes(f) && !values[f].trim();
  const problem = (f: FieldName) =>
    serverProblem?.field === f ? serverProblem.text : tried && missing(f) ? t('addCustomer.error.required') : undefined;

  const submit = () =>
    creating.run(async () => {
      setTried(true);
      setServerProblem(null);
      if (FIELDS.some(missing)) return;
      const user: NewUser = {
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        displayName: values.displayName.trim(),
        userPrincipalName: `${values.userPrincipalName.trim()}@${domain}`,
        usageLocation,
      };
      try {
        onCreated(await createUser(customerId, user));
      } catch (e) {
        const field = e instanceof ApiError ? /field '([^']+)'/.exec(e.description)?.[1] : undefined;
        if (field && FIELDS.includes(field as FieldName) && e instanceof ApiError) {
          setServerProblem({ field, text: e.description });
          return;
        }
        throw e;
      }
    });

  return (
    <section aria-label={t('customer.users.add')}>
      <div className={styles.grid}>
        {FIELDS.map((f) => (
          <Field
            key={f}
            label={t(`customer.users.field.${f}`)}
            required={REQUIRED.includes(f)}
            hint={f === 'userPrincipalName' ? `@${domain}` : undefined}
            validationMessage={problem(f)}
          >
            <Input
              autoFocus={f === FIELDS[0]}
              value={values[f]}
              onChange={(_, d) => setValues((v) => ({ ...v, [f]: d.value }))}
            />
          </Field>
        ))}
        <Field label={t('customer.users.field.usageLocation')} required>
          <CountrySelect value={usageLocation} onChange={setUsageLocation} />
        </Field>
      </div>
      <ErrorBar error={creating.error} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={submit} disabled={creating.busy}>
          {t('customer.users.create')}
        </Button>
        <Button onClick={onCancel}>{t('customer.subscriptions.cancel')}</Button>
      </div>
    </section>
  );
}
