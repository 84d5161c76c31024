// The partners on either side (a provider's resellers, a reseller's providers): name, MPN ID,
// location, partner since, and the row's actions. Wide tables scroll sideways at phone width.
import { TableCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';

import { useListPageStyles } from '../../components/layout';
import { ListTable } from '../../components/ListTable';
import { useT } from '../../i18n/LanguageProvider';
import type { Partnership } from './api';

const useStyles = makeStyles({
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
});

/** The id of a row's name cell, which the row's buttons name in aria-describedby. */
export const nameId = (p: Partnership) => `partner-name-${p.id}`;

interface Props {
  label: string;
  partners: Partnership[];
  actions: (p: Partnership) => ReactNode;
}

export function PartnerTable({ label, partners, actions }: Props) {
  const styles = { ...useListPageStyles(), ...useStyles() };
  const t = useT();
  const intl = useIntl();
  const region = (code: string) => {
    try {
      return intl.formatDisplayName(code, { type: 'region' }) ?? code;
    } catch {
      return code;
    }
  };
  return (
    <div className={styles.scroll}>
      <ListTable
        label={label}
        columns={[
          { label: t('partners.table.name') },
          { label: t('partners.table.mpnId') },
          { label: t('partners.table.location'), wide: true },
          { label: t('partners.table.since'), wide: true },
          { label: t('partners.table.actions') },
        ]}
      >
        {partners.map((p) => (
          <TableRow key={p.id}>
            <TableCell className={styles.cell} id={nameId(p)}>
              {p.name}
            </TableCell>
            <TableCell className={styles.cell}>{p.mpnId}</TableCell>
            <TableCell className={mergeClasses(styles.cell, styles.wide)}>{region(p.location)}</TableCell>
            <TableCell className={styles.wide}>{intl.formatDate(p.createdDateTime, { dateStyle: 'medium' })}</TableCell>
            <TableCell>
              <div className={styles.actions}>{actions(p)}</div>
            </TableCell>
          </TableRow>
        ))}
      </ListTable>
    </div>
  );
}
