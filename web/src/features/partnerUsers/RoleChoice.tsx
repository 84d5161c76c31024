// The partner roles as checkboxes, each with what it may do. Only a Global admin may grant the
// Global admin role (the API refuses it otherwise): for other users that box is disabled, with
// the reason. `exclude` leaves roles out (an app never holds Global admin).
// A fieldset, not a Fluent Field: a Field hands its one control ID to every checkbox inside.
import { Caption1, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';

import { useT } from '../../i18n/LanguageProvider';
import type { Role } from '../../session/session';
import { ROLES } from './api';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    border: 'none',
    minWidth: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  role: { display: 'flex', flexDirection: 'column' },
  description: { paddingLeft: '32px', color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1 },
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
    <fieldset className={styles.group} aria-describedby={validationMessage ? `${base}-problem` : undefined}>
      <legend className={styles.legend}>{label ?? t('partnerUsers.field.roles')}</legend>
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
      {validationMessage && (
        <Text id={`${base}-problem`} role="alert" className={styles.problem}>
          {validationMessage}
        </Text>
      )}
    </fieldset>
  );
}
