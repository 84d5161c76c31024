// Add user: display name, first and last name, the user name on the partner's domain, and the
// roles. The temporary password is shown once, in the dialog, after the user is created; the
// API's refusal of a field shows next to that field.
import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';

import { ApiError } from '../../api/client';
import { TemporaryPassword } from '../../components/TemporaryPassword';
import { useT } from '../../i18n/LanguageProvider';
import type { Role } from '../../session/session';
import { ActionDialog } from './ActionDialog';
import { createUser, type PartnerUser } from './api';
import { RoleChoice } from './RoleChoice';

type FieldName = 'displayName' | 'firstName' | 'lastName' | 'userPrincipalName';
const FIELDS: FieldName[] = ['displayName', 'firstName', 'lastName', 'userPrincipalName'];
const REQUIRED: FieldName[] = ['displayName', 'userPrincipalName'];

interface Props {
  open: boolean;
  domain: string;
  globalAdminBlocked?: string;
  onCreated: (user: PartnerUser) => void;
  onClose: () => void;
}

export function AddUserDialog({ open, domain, globalAdminBlocked, onCreated, onClose }: Props) {
  const t = useT();
  const [values, setValues] = useState<Record<FieldName, string>>({
    displayName: '',
    firstName: '',
    lastName: '',
    userPrincipalName: '',
  });
  const [roles, setRoles] = useState<Role[]>([]);
  const [tried, setTried] = useState(false);
  const [serverProblem, setServerProblem] = useState<{ field: string; text: string } | null>(null);
  const [created, setCreated] = useState<PartnerUser | null>(null);

  const missing = (f: FieldName) => REQUIRED.includes(f) && !values[f].trim();
  const problem = (f: string) =>
    serverProblem?.field === f
      ? serverProblem.text
      : tried && f !== 'roles' && missing(f as FieldName)
        ? t('partnerUsers.error.required')
        : undefined;

  const create = async () => {
    setTried(true);
    setServerProblem(null);
    if (FIELDS.some(missing) || roles.length === 0) return;
    try {
      const user = await createUser({
        displayName: values.displayName.trim(),
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        // The local part; the server puts it on the partner's domain.
        userPrincipalName: values.userPrincipalName.trim().replace(/@.*$/, ''),
        roles,
      });
      setCreated(user);
      onCreated(user);
    } catch (e) {
      const field = e instanceof ApiError ? /field '([^']+)'/.exec(e.description)?.[1] : undefined;
      if (e instanceof ApiError && field && [...FIELDS, 'roles'].includes(field)) {
        setServerProblem({ field, text: e.description });
        return;
      }
      throw e;
    }
  };

  return (
    <ActionDialog
      open={open}
      title={created ? t('partnerUsers.add.createdTitle') : t('partnerUsers.add.title')}
      confirmLabel={t('partnerUsers.add.submit')}
      onConfirm={create}
      onClose={onClose}
      done={
        created?.passwordProfile && (
          <section aria-label={t('partnerUsers.add.createdTitle')}>
            <TemporaryPassword
              userName={created.userPrincipalName}
              password={created.passwordProfile.password}
              userNameLabel={t('partnerUsers.field.userPrincipalName')}
              warning={t('partnerUsers.passwordWarning')}
              onDone={onClose}
            />
          </section>
        )
      }
    >
      {FIELDS.map((f) => (
        <Field
          key={f}
          label={t(`partnerUsers.field.${f}`)}
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
      <RoleChoice
        value={roles}
        onChange={setRoles}
        globalAdminBlocked={globalAdminBlocked}
        validationMessage={
          problem('roles') ?? (tried && roles.length === 0 ? t('partnerUsers.error.noRole') : undefined)
        }
      />
    </ActionDialog>
  );
}
