// Users and licenses: the customer's users (or the deleted ones, restorable for 30 days), Add
// user with the temporary password shown once, Delete and Restore, Upload users (CSV; Global
// admins only) and each user's Licenses. Roles that may only read users see no Add, Upload,
// Delete or Restore.
import { Button, Spinner, Switch, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';

import { ErrorBar } from '../../components/ErrorBar';
import { useListPageStyles } from '../../components/layout';
import { ListTable } from '../../components/ListTable';
import { TemporaryPassword } from '../../components/TemporaryPassword';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { can } from '../../session/permissions';
import { useMe } from '../../session/SessionProvider';
import type { Customer } from '../customers/api';
import { getBillingProfile } from './api';
import { LicensesDialog } from './LicensesDialog';
import { NewUserForm } from './NewUserForm';
import { UploadUsers } from './UploadUsers';
import { deleteUser, listUsers, restoreUser, type CustomerUser } from './usersApi';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  created: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
  },
});

export function UsersTab({ customer }: { customer: Customer }) {
  const styles = { ...useListPageStyles(), ...useStyles() };
  const t = useT();
  const me = useMe();
  const manage = can(me, 'manageCustomerUsers');
  const mayUpload = can(me, 'bulkUploadCustomerUsers');
  const [uploading, setUploading] = useState(false);
  const [licensesOf, setLicensesOf] = useState<CustomerUser | null>(null);
  const [deleted, setDeleted] = useState(false);
  const [users, setUsers] = useState<CustomerUser[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [country, setCountry] = useState('US');
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CustomerUser | null>(null);
  const acting = useAction();

  const load = useCallback(() => {
    setUsers(null);
    listUsers(customer.id, deleted).then(setUsers).catch(setError);
  }, [customer.id, deleted]);
  useEffect(load, [load]);
  useEffect(() => {
    getBillingProfile(customer.id)
      .then(({ profile }) => setCountry(profile.defaultAddress.country))
      .catch(() => undefined); // the form starts on US then
  }, [customer.id]);

  const act = (action: (customerId: string, id: string) => Promise<void>, id: string) =>
    acting.run(async () => {
      await action(customer.id, id);
      load();
    });

  if (error) return <ErrorBar error={error} />;
  return (
    <>
      {created?.passwordProfile ? (
        <section className={styles.created} aria-label={t('customer.users.created')}>
          <TemporaryPassword
            userName={created.userPrincipalName}
            password={created.passwordProfile.password}
            userNameLabel={t('customer.users.field.userPrincipalName')}
            warning={t('customer.users.passwordWarning')}
            onDone={() => setCreated(null)}
          />
        </section>
      ) : adding ? (
        <NewUserForm
          customerId={customer.id}
          domain={customer.companyProfile.domain}
          country={country}
          onCreated={(u) => {
            setAdding(false);
            setCreated(u);
            load();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : uploading ? (
        <UploadUsers customerId={customer.id} country={country} onImported={load} onClose={() => setUploading(false)} />
      ) : (
        <div className={styles.toolbar}>
          {manage && (
            <Button appearance="primary" onClick={() => setAdding(true)}>
              {t('customer.users.add')}
            </Button>
          )}
          {mayUpload && <Button onClick={() => setUploading(true)}>{t('customer.users.upload')}</Button>}
          <Switch
            label={t('customer.users.showDeleted')}
            checked={deleted}
            onChange={(_, d) => setDeleted(d.checked)}
          />
        </div>
      )}
      <ErrorBar error={acting.error} />
      {!users ? (
        <Spinner label={t('shell.loading')} />
      ) : users.length === 0 ? (
        <Text>{t(deleted ? 'customer.users.noneDeleted' : 'customer.users.none')}</Text>
      ) : (
        <ListTable
          label={t(deleted ? 'customer.users.deletedTable' : 'customer.tab.users')}
          columns={[
            { label: t('customer.users.field.displayName') },
            { label: t('customer.users.field.userPrincipalName') },
            (manage || !deleted) && { label: t('customer.users.actions') },
          ]}
        >
          {users.map((u) => (
            <TableRow key={u.id}>
              <TableCell className={styles.cell}>{u.displayName}</TableCell>
              <TableCell className={styles.cell}>{u.userPrincipalName}</TableCell>
              {(manage || !deleted) && (
                <TableCell>
                  <div className={styles.actions}>
                    {!deleted && (
                      <Button
                        aria-label={t('customer.users.licensesOf', { name: u.displayName })}
                        onClick={() => setLicensesOf(u)}
                      >
                        {t('customer.users.licenses')}
                      </Button>
                    )}
                    {manage && (
                      <Button
                        disabled={acting.busy}
                        aria-label={t(deleted ? 'customer.users.restoreUser' : 'customer.users.deleteUser', {
                          name: u.displayName,
                        })}
                        onClick={() => act(deleted ? restoreUser : deleteUser, u.id)}
                      >
                        {t(deleted ? 'customer.users.restore' : 'customer.users.delete')}
                      </Button>
                    )}
                  </div>
                </TableCell>
              )}
            </TableRow>
          ))}
        </ListTable>
      )}
      {licensesOf && <LicensesDialog customerId={customer.id} user={licensesOf} onClose={() => setLicensesOf(null)} />}
    </>
  );
}
