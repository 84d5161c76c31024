// One setting of Subscription details: its title, its control and Save, the API's error next to
// it, and the reason when the user's role cannot change it.
import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

import { ErrorBar } from '../../components/ErrorBar';

const useStyles = makeStyles({
  setting: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

interface Props {
  id: string;
  title: string;
  error: unknown;
  /** Why the control is disabled (already translated), if it is. */
  reason?: string;
  children: ReactNode;
}

export function Setting({ id, title, error, reason, children }: Props) {
  const styles = useStyles();
  return (
    <section className={styles.setting} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id}>
        {title}
      </Subtitle2>
      <div className={styles.row}>{children}</div>
      {reason && <Text>{reason}</Text>}
      <ErrorBar error={error} />
    </section>
  );
}
