// App registrations (Global admins): the partner's apps with their roles and when the secret was
// last rotated; Register app (the client ID and secret shown once), and per app Rotate secret
// (the new secret shown once) and Delete, each confirmed in a dialog.
import {
  Button,
  Caption1,
  Spinner,
  TableCell,
  TableRow,
  Text,
  Title2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';

import { ErrorBar } from '../../components/ErrorBar';
import { useListPageStyles } from '../../components/layout';
import { ListTable } from '../../components/ListTable';
import { useT } from '../../i18n/LanguageProvider';
import { listApps, type AppRegistration } from './api';
import { DeleteAppDialog, RegisterAppDialog, RotateSecretDialog } from './AppDialogs';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Dialog = { kind: 'register' } | { kind: 'rotate' | 'delete'; app: AppRegistration };

export function AppRegistrationsPage() {
  const styles = { ...useListPageStyles(), ...useStyles() };
  const t = useT();
  const intl = useIntl();
  const [apps, setApps] = useState<AppRegistration[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The dialog stays rendered while it closes (Fluent then gives the page back to assistive
  // technology); a new key gives each opening a fresh form.
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [dialogKey, setDialogKey] = useState(0);
  // Focus goes back to the button that opened the dialog (Register app after a deletion).
  const registerButton = useRef<HTMLButtonElement>(null);
  const rotateButtons = useRef(new Map<string, HTMLButtonElement>());
  const deleteButtons = useRef(new Map<string, HTMLButtonElement>());
  const returnTo = useRef<HTMLButtonElement | null | undefined>(undefined);

  const load = useCallback(() => {
    listApps()
      .then((list) => {
        setApps(list);
        setError(null);
      })
      .catch(setError);
  }, []);
  useEffect(load, [load]);

  useEffect(() => {
    if (dialogOpen || returnTo.current === undefined) return;
    (returnTo.current ?? registerButton.current)?.focus();
    returnTo.current = undefined;
  }, [dialogOpen]);

  const open = (next: Dialog, from: HTMLButtonElement | null) => {
    returnTo.current = from;
    setDialog(next);
    setDialogKey((k) => k + 1);
    setDialogOpen(true);
  };
  const close = () => setDialogOpen(false);
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className={styles.page} aria-labelledby="app-registrations-title">
      <Title2 as="h1" id="app-registrations-title">
        {t('appRegistrations.title')}
      </Title2>
      <Text>{t('appRegistrations.intro')}</Text>
      <div className={styles.toolbar}>
        <Button
          ref={registerButton}
          appearance="primary"
          icon={<AddRegular />}
          onClick={() => open({ kind: 'register' }, registerButton.current)}
        >
          {t('appRegistrations.register')}
        </Button>
      </div>
      <ErrorBar error={error} />
      {!apps ? (
        !error && <Spinner label={t('shell.loading')} />
      ) : apps.length === 0 ? (
        <Text role="status">{t('appRegistrations.empty')}</Text>
      ) : (
        <ListTable
          label={t('appRegistrations.table.label')}
          columns={[
            { label: t('appRegistrations.table.app') },
            { label: t('appRegistrations.table.roles'), wide: true },
            { label: t('appRegistrations.table.created'), wide: true },
            { label: t('appRegistrations.table.rotated') },
            { label: t('appRegistrations.table.actions') },
          ]}
        >
          {apps.map((a) => (
            <TableRow key={a.clientId}>
              <TableCell className={styles.cell}>
                <span className={styles.stack}>
                  <Text weight="semibold">{a.displayName}</Text>
                  <Caption1>{a.clientId}</Caption1>
                </span>
              </TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.wide)}>
                {intl.formatList(a.roles.map((r) => t(`partnerUsers.role.${r}`)))}
              </TableCell>
              <TableCell className={styles.wide}>{date(a.createdDateTime)}</TableCell>
              <TableCell>{date(a.secretRotatedDateTime)}</TableCell>
              <TableCell>
                <div className={styles.actions}>
                  <Button
                    ref={(el) => {
                      if (el) rotateButtons.current.set(a.clientId, el as HTMLButtonElement);
                      else rotateButtons.current.delete(a.clientId);
                    }}
                    aria-label={t('appRegistrations.rotateFor', { name: a.displayName })}
                    onClick={() => open({ kind: 'rotate', app: a }, rotateButtons.current.get(a.clientId) ?? null)}
                  >
                    {t('appRegistrations.rotate')}
                  </Button>
                  <Button
                    ref={(el) => {
                      if (el) deleteButtons.current.set(a.clientId, el as HTMLButtonElement);
                      else deleteButtons.current.delete(a.clientId);
                    }}
                    aria-label={t('appRegistrations.deleteFor', { name: a.displayName })}
                    onClick={() => open({ kind: 'delete', app: a }, deleteButtons.current.get(a.clientId) ?? null)}
                  >
                    {t('appRegistrations.delete')}
                  </Button>
                </div>
              </TableCell>
            </TableRow>
          ))}
        </ListTable>
      )}
      {dialog?.kind === 'register' && (
        <RegisterAppDialog key={dialogKey} open={dialogOpen} onChanged={load} onClose={close} />
      )}
      {dialog?.kind === 'rotate' && (
        <RotateSecretDialog key={dialogKey} open={dialogOpen} app={dialog.app} onChanged={load} onClose={close} />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteAppDialog
          key={dialogKey}
          open={dialogOpen}
          app={dialog.app}
          onChanged={() => {
            // Its row goes away: the focus returns to Register app.
            returnTo.current = null;
            load();
          }}
          onClose={close}
        />
      )}
    </section>
  );
}
