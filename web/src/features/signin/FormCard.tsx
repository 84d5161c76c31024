// The frame of the pages shown before the app: a centred card holding one form, and the
// password field they share.
import { Card, Field, Input, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'grid', placeItems: 'center', padding: tokens.spacingHorizontalL },
  card: { width: 'min(440px, 100%)', padding: tokens.spacingHorizontalXXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function FormCard({
  title,
  onSubmit,
  children,
}: {
  title: string;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <form className={styles.form} onSubmit={onSubmit} noValidate>
          <Title2 as="h1">{title}</Title2>
          {children}
        </form>
      </Card>
    </main>
  );
}

interface PasswordFieldProps {
  label: string;
  name: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** Shown under the field, in red, while set. */
  problem?: string;
}

export function PasswordField({ label, name, autoComplete, value, onChange, hint, problem }: PasswordFieldProps) {
  return (
    <Field label={label} hint={hint} required validationMessage={problem}>
      <Input
        type="password"
        name={name}
        autoComplete={autoComplete}
        value={value}
        onChange={(_, d) => onChange(d.value)}
      />
    </Field>
  );
}
