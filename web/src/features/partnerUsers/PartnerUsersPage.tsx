// Partner users: the partner's staff with their roles and state; Add user (the temporary
// password shown once), and per user Change roles, Reset password, Disable / Enable, Delete.
// Global admins and User management admins manage users; only a Global admin may grant the
// Global admin role or change a Global admin (for others those controls are disabled, with the
// reason). The API keeps the last enabled Global admin (errors.code.700301).
import {
  Button,
  Caption1,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  TableCell,
  TableRow,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { MoreHorizontalRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';

import { PHONE, useListPageStyles } from '../../components/layout';
import { ListTable } from '../../components/ListTable';
import { ErrorBar } from '../../components/ErrorBar';
import { useT } from '../../i18n/LanguageProvider';
import { can } from '../../session/permissions';
import { useMe } from '../../session/SessionProvider';
import { tenantOf } from '../../session/session';
import { AddUserDialog } from './AddUserDialog';
import { listUsers, type PartnerUser } from './api';
import { UserDialog, type UserAction } from './UserDialogs';

const useStyles = makeStyles({
  // At phone width the state moves under the user's name (the state column is `wide`).
  narrow: { display: 'none', [PHONE]: { display: 'block' } },
  muted: { color: tokens.colorNeutralForeground3 },
  disabled: { color: tokens.colorPaletteRedForeground1 },
});

type Dialog = { kind: 'add' } | { kind: UserAction; user: PartnerUser };

export function PartnerUsersPage() {
  const styles = { ...useListPageStyles(), ...useStyles() };
  const t = useT();
  const intl = useIntl();
  const me = useMe();
  const manage = can(me, 'managePartnerUsers');
  const isGlobalAdmin = me.roles.includes('GlobalAdmin');
  const globalAdminBlocked = isGlobalAdmin ? undefined : t('partnerUsers.globalAdminOnly');
  const [users, setUsers] = useState<PartnerUser[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The dialog stays rendered while it closes (Fluent then gives the page back to assistive
  // technology); a new key gives each opening a fresh form.
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [dialogKey, setDialogKey] = useState(0);
  // Where the focus goes back when a dialog closes: the button that opened it.
  const addButton = useRef<HTMLButtonElement>(null);
  const menuButtons = useRef(new Map<string, HTMLButtonElement>());
  const returnTo = useRef<string | null>(null);

  const load = useCallback(() => {
    listUsers()
      .then((list) => {
        setUsers(list);
        setError(null);
      })
      .catch(setError);
  }, []);
  useEffect(load, [load]);

  useEffect(() => {
    if (dialogOpen || returnTo.current === null) return;
    const target = (returnTo.current && menuButtons.current.get(returnTo.current)) || addButton.current;
    returnTo.current = null;
    target?.focus();
  }, [dialogOpen]);

  const open = (next: Dialog) => {
    returnTo.current = next.kind === 'add' ? '' : next.user.id;
    setDialog(next);
    setDialogKey((k) => k + 1);
    setDialogOpen(true);
  };
  const close = () => setDialogOpen(false);

  const stateText = (u: PartnerUser) => (
    <span className={styles.stack}>
      <span className={u.state === 'disabled' ? styles.disabled : undefined}>
        {t(u.state === 'disabled' ? 'partnerUsers.state.disabled' : 'partnerUsers.state.active')}
      </span>
      {u.mustChangePassword && <Caption1 className={styles.muted}>{t('partnerUsers.state.mustChange')}</Caption1>}
    </span>
  );

  return (
    <section className={styles.page} aria-labelledby="partner-users-title">
      <Title2 as="h1" id="partner-users-title">
        {t('partnerUsers.title')}
      </Title2>
      <Text>{t('partnerUsers.intro')}</Text>
      {manage && (
        <div className={styles.toolbar}>
          <Button
            ref={addButton}
            appearance="primary"
            icon={<PersonAddRegular />}
            onClick={() => open({ kind: 'add' })}
          >
            {t('partnerUsers.add')}
          </Button>
        </div>
      )}
      <ErrorBar error={error} />
      {!users ? (
        !error && <Spinner label={t('shell.loading')} />
      ) : (
        <>
          <Text role="status">{t('partnerUsers.count', { count: users.length })}</Text>
          <ListTable
            label={t('partnerUsers.table.label')}
            columns={[
              { label: t('partnerUsers.table.user') },
              { label: t('partnerUsers.table.roles') },
              { label: t('partnerUsers.table.state'), wide: true },
              manage && { label: t('partnerUsers.table.actions') },
            ]}
          >
            {users.map((u) => {
              const self = u.id === me.id;
              const protectedAdmin = u.roles.includes('GlobalAdmin') && !isGlobalAdmin;
              return (
                <TableRow key={u.id}>
                  <TableCell className={styles.cell}>
                    <span className={styles.stack}>
                      <Text weight="semibold">
                        {self ? t('partnerUsers.you', { name: u.displayName }) : u.displayName}
                      </Text>
                      <Caption1>{u.userPrincipalName}</Caption1>
                      <span className={styles.narrow}>{stateText(u)}</span>
                    </span>
                  </TableCell>
                  <TableCell className={styles.cell}>
                    {intl.formatList(u.roles.map((r) => t(`partnerUsers.role.${r}`)))}
                  </TableCell>
                  <TableCell className={styles.wide}>{stateText(u)}</TableCell>
                  {manage && (
                    <TableCell>
                      {protectedAdmin ? (
                        <Caption1 className={styles.muted}>{t('partnerUsers.globalAdminOnlyRow')}</Caption1>
                      ) : (
                        <Menu>
                          <MenuTrigger disableButtonEnhancement>
                            <Button
                              ref={(el) => {
                                if (el) menuButtons.current.set(u.id, el as HTMLButtonElement);
                                else menuButtons.current.delete(u.id);
                              }}
                              icon={<MoreHorizontalRegular />}
                              aria-label={t('partnerUsers.actionsFor', { name: u.displayName })}
                            />
                          </MenuTrigger>
                          <MenuPopover>
                            <MenuList>
                              <MenuItem onClick={() => open({ kind: 'roles', user: u })}>
                                {t('partnerUsers.roles.change')}
                              </MenuItem>
                              <MenuItem onClick={() => open({ kind: 'reset', user: u })}>
                                {t('partnerUsers.reset')}
                              </MenuItem>
                              <MenuItem onClick={() => open({ kind: 'state', user: u })}>
                                {t(u.state === 'active' ? 'partnerUsers.disable' : 'partnerUsers.enable')}
                              </MenuItem>
                              <MenuItem onClick={() => open({ kind: 'delete', user: u })}>
                                {t('partnerUsers.delete')}
                              </MenuItem>
                            </MenuList>
                          </MenuPopover>
                        </Menu>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </ListTable>
        </>
      )}
      {dialog?.kind === 'add' && (
        <AddUserDialog
          key={dialogKey}
          open={dialogOpen}
          domain={tenantOf(me.userPrincipalName)}
          globalAdminBlocked={globalAdminBlocked}
          onCreated={load}
          onClose={close}
        />
      )}
      {dialog && dialog.kind !== 'add' && (
        <UserDialog
          key={dialogKey}
          open={dialogOpen}
          action={dialog.kind}
          user={dialog.user}
          isSelf={dialog.user.id === me.id}
          globalAdminBlocked={globalAdminBlocked}
          onChanged={() => {
            // A deleted user's row goes away: the focus then returns to Add user.
            if (dialog.kind === 'delete') returnTo.current = '';
            load();
          }}
          onClose={close}
        />
      )}
    </section>
  );
}
