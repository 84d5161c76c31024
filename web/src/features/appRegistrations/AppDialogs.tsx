// Register app (name and roles; the client ID and secret shown once), Rotate secret (the new
// secret shown once; the old one stops working) and Delete, each with the API's refusal next to
// its button.
import { Field, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';

import { ApiError } from '../../api/client';
import { useT } from '../../i18n/LanguageProvider';
import type { Role } from '../../session/session';
import { ActionDialog } from '../partnerUsers/ActionDialog';
import { RoleChoice } from '../partnerUsers/RoleChoice';
import { createApp, deleteApp, rotateSecret, type AppRegistration } from './api';
import { AppSecret } from './AppSecret';

export function RegisterAppDialog({
  open,
  onChanged,
  onClose,
}: {
  open: boolean;
  onChanged: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['AdminAgent']);
  const [tried, setTried] = useState(false);
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<AppRegistration | null>(null);

  const register = async () => {
    setTried(true);
    setNameProblem(null);
    if (!name.trim() || roles.length === 0) return;
    try {
      setCreated(await createApp(name.trim(), roles));
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.description.includes("field 'displayName'")) {
        setNameProblem(e.description);
        return;
      }
      throw e;
    }
  };

  return (
    <ActionDialog
      open={open}
      title={created ? t('appRegistrations.register.doneTitle') : t('appRegistrations.register.title')}
      confirmLabel={t('appRegistrations.register.submit')}
      onConfirm={register}
      onClose={onClose}
      done={
        created?.clientSecret && (
          <AppSecret
            clientId={created.clientId}
            secret={created.clientSecret}
            label={t('appRegistrations.register.doneTitle')}
            onDone={onClose}
          />
        )
      }
    >
      <Field
        label={t('appRegistrations.field.name')}
        required
        validationMessage={nameProblem ?? (tried && !name.trim() ? t('appRegistrations.error.required') : undefined)}
      >
        <Input autoFocus value={name} maxLength={120} onChange={(_, d) => setName(d.value)} />
      </Field>
      <RoleChoice
        label={t('appRegistrations.field.roles')}
        value={roles}
        onChange={setRoles}
        exclude={['GlobalAdmin']}
        validationMessage={tried && roles.length === 0 ? t('appRegistrations.error.noRole') : undefined}
      />
    </ActionDialog>
  );
}

interface AppProps {
  open: boolean;
  app: AppRegistration;
  onChanged: () => void;
  onClose: () => void;
}

export function RotateSecretDialog({ open, app, onChanged, onClose }: AppProps) {
  const t = useT();
  const [rotated, setRotated] = useState<AppRegistration | null>(null);
  return (
    <ActionDialog
      open={open}
      title={t('appRegistrations.rotate.title', { name: app.displayName })}
      confirmLabel={t('appRegistrations.rotate')}
      onConfirm={async () => {
        setRotated(await rotateSecret(app.clientId));
        onChanged();
      }}
      onClose={onClose}
      done={
        rotated?.clientSecret && (
          <AppSecret
            clientId={rotated.clientId}
            secret={rotated.clientSecret}
            label={t('appRegistrations.rotate.doneLabel')}
            onDone={onClose}
          />
        )
      }
    >
      <Text>{t('appRegistrations.rotate.question', { name: app.displayName })}</Text>
    </ActionDialog>
  );
}

export function DeleteAppDialog({ open, app, onChanged, onClose }: AppProps) {
  const t = useT();
  return (
    <ActionDialog
      open={open}
      title={t('appRegistrations.delete.title', { name: app.displayName })}
      confirmLabel={t('appRegistrations.delete')}
      onConfirm={async () => {
        await deleteApp(app.clientId);
        onChanged();
        onClose();
      }}
      onClose={onClose}
    >
      <Text>{t('appRegistrations.delete.question', { name: app.displayName })}</Text>
    </ActionDialog>
  );
}
