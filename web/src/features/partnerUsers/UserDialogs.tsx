// The dialogs behind a user's Actions menu: Change roles, Reset password (the new temporary
// password shown once), Disable / Enable, Delete. Each shows the API's refusal next to its
// button (the last enabled Global admin: errors.code.700301).
import { Text } from '@fluentui/react-components';
import { useState } from 'react';

import { TemporaryPassword } from '../../components/TemporaryPassword';
import { useT } from '../../i18n/LanguageProvider';
import type { Role } from '../../session/session';
import { ActionDialog } from './ActionDialog';
import { deleteUser, resetPassword, updateUser, type PartnerUser } from './api';
import { RoleChoice } from './RoleChoice';

export type UserAction = 'roles' | 'reset' | 'state' | 'delete';

interface Props {
  open: boolean;
  action: UserAction;
  user: PartnerUser;
  isSelf: boolean;
  globalAdminBlocked?: string;
  /** After a change: the list reloads. */
  onChanged: () => void;
  onClose: () => void;
}

export function UserDialog({ open, action, user, isSelf, globalAdminBlocked, onChanged, onClose }: Props) {
  const t = useT();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [tried, setTried] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  const name = user.displayName;
  const disabling = user.state === 'active';

  const common = { open, onClose };
  switch (action) {
    case 'roles':
      return (
        <ActionDialog
          {...common}
          title={t('partnerUsers.roles.title', { name })}
          confirmLabel={t('partnerUsers.roles.submit')}
          onConfirm={async () => {
            setTried(true);
            if (roles.length === 0) return;
            await updateUser(user.id, { roles });
            onChanged();
            onClose();
          }}
        >
          <Text>{user.userPrincipalName}</Text>
          <RoleChoice
            value={roles}
            onChange={setRoles}
            globalAdminBlocked={globalAdminBlocked}
            validationMessage={tried && roles.length === 0 ? t('partnerUsers.error.noRole') : undefined}
          />
        </ActionDialog>
      );
    case 'reset':
      return (
        <ActionDialog
          {...common}
          title={t('partnerUsers.reset.title', { name })}
          confirmLabel={t('partnerUsers.reset.submit')}
          onConfirm={async () => {
            setPassword(await resetPassword(user.id));
            onChanged();
          }}
          done={
            password && (
              <section aria-label={t('partnerUsers.reset.doneLabel')}>
                <TemporaryPassword
                  userName={user.userPrincipalName}
                  password={password}
                  userNameLabel={t('partnerUsers.field.userPrincipalName')}
                  warning={t('partnerUsers.passwordWarning')}
                  onDone={onClose}
                />
              </section>
            )
          }
        >
          <Text>{t(isSelf ? 'partnerUsers.reset.self' : 'partnerUsers.reset.question', { name })}</Text>
        </ActionDialog>
      );
    case 'state':
      return (
        <ActionDialog
          {...common}
          title={t(disabling ? 'partnerUsers.disable.title' : 'partnerUsers.enable.title', { name })}
          confirmLabel={t(disabling ? 'partnerUsers.disable' : 'partnerUsers.enable')}
          onConfirm={async () => {
            await updateUser(user.id, { state: disabling ? 'disabled' : 'active' });
            onChanged();
            onClose();
          }}
        >
          <Text>
            {disabling
              ? t(isSelf ? 'partnerUsers.disable.self' : 'partnerUsers.disable.question', { name })
              : t('partnerUsers.enable.question', { name })}
          </Text>
        </ActionDialog>
      );
    case 'delete':
      return (
        <ActionDialog
          {...common}
          title={t('partnerUsers.delete.title', { name })}
          confirmLabel={t('partnerUsers.delete')}
          onConfirm={async () => {
            await deleteUser(user.id);
            onChanged();
            onClose();
          }}
        >
          <Text>{t(isSelf ? 'partnerUsers.delete.self' : 'partnerUsers.delete.question', { name })}</Text>
        </ActionDialog>
      );
  }
}
