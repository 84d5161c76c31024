// The partner roles as checkboxes, each with what it may do. Only a Global admin may grant the
// Global admin role (the API refuses it otherwise): for other users that box is disabled, with
// the reason. `exclude` leaves roles out (an app never holds Global admin).
import { Caption1, Checkbox, Field, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';

import { useT } from '../../i18n/LanguageProvider';
import type { Role } from '../../session/session';
import { ROLES } from './api';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  role: { display: 'flex', flexDirection: 'column' },
  description: { paddingLeft: '32px', color: tokens.colorNeutralForeground3 },
});

interface Props {
  value: Role[];
  onChange: (roles: Role[]) => void;
  /** Why the Global admin box is disabled (already translated), or undefined when it is not. */
  globalAdminBlocked?: string;
  exclude?: Role[];
  validationMessage?: string;
  label?: string;
}

export function RoleChoice({ value, onChange, globalAdminBlocked, exclude = [], validationMessage, label }: Props) {
  const styles = useStyles();
  const t = useT();
  const base = useId();
  const toggle = (role: Role, on: boolean) => onChange(ROLES.filter((r) => (r === role ? on : value.includes(r))));
  return (
    <Field label={label ?? t('partnerUsers.field.roles')} required validationMessage={validationMessage}>
      <div role="group" aria-label={label ?? t('partnerUsers.field.roles')} className={styles.group}>
        {ROLES.filter((r) => !exclude.includes(r)).map((role) => {
          const blocked = role === 'GlobalAdmin' ? globalAdminBlocked : undefined;
          return (
            <div key={role} className={styles.role}>
              <Checkbox
                label={t(`partnerUsers.role.${role}`)}
                checked={value.includes(role)}
                disabled={blocked !== undefined}
                aria-describedby={`${base}-${role}`}
                onChange={(_, d) => toggle(role, d.checked === true)}
              />
              <Caption1 id={`${base}-${role}`} className={styles.description}>
                {blocked ?? t(`partnerUsers.roleInfo.${role}`)}
              </Caption1>
            </div>
          );
        })}
      </div>
    </Field>
  );
}
