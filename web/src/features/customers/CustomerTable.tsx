// The customer list; each row expands to the tenant ID, the domain and quick links.
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { Fragment, useState } from 'react';
import { Link as RouterLink } from 'react-router';

import { VisuallyHidden } from '../../components/VisuallyHidden';
import { useT } from '../../i18n/LanguageProvider';
import type { Customer } from './api';

const useStyles = makeStyles({
  expander: { width: '48px' },
  // Long domains wrap instead of pushing the table past a phone's width.
  cell: { overflowWrap: 'anywhere' },
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    padding: tokens.spacingVerticalS,
    wordBreak: 'break-all',
  },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

export function CustomerTable({ customers }: { customers: Customer[] }) {
  const styles = useStyles();
  const t = useT();
  const [open, setOpen] = useState<string | null>(null);

  return (
    <Table aria-label={t('customers.table.label')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.expander}>
            <VisuallyHidden>{t('customers.table.expand')}</VisuallyHidden>
          </TableHeaderCell>
          <TableHeaderCell>{t('customers.table.companyName')}</TableHeaderCell>
          <TableHeaderCell>{t('customers.table.domain')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {customers.map((c) => {
          const expanded = open === c.id;
          const detailsId = `customer-details-${c.id}`;
          const name = c.companyProfile.companyName;
          return (
            <Fragment key={c.id}>
              <TableRow>
                <TableCell className={styles.expander}>
                  <Button
                    appearance="subtle"
                    icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
                    aria-expanded={expanded}
                    aria-controls={detailsId}
                    aria-label={t('customers.table.details', { name })}
                    onClick={() => setOpen(expanded ? null : c.id)}
                  />
                </TableCell>
                <TableCell className={styles.cell}>{name}</TableCell>
                <TableCell className={styles.cell}>{c.companyProfile.domain}</TableCell>
              </TableRow>
              {expanded && (
                <TableRow id={detailsId}>
                  <TableCell colSpan={3}>
                    <dl className={styles.details}>
                      <dt>{t('customers.table.tenantId')}</dt>
                      <dd>{c.id}</dd>
                      <dt>{t('customers.table.domain')}</dt>
                      <dd>{c.companyProfile.domain}</dd>
                      <dt>{t('customers.table.quickLinks')}</dt>
                      <dd className={styles.links}>
                        <RouterLink to={`/customers/${c.id}/subscriptions`}>
                          {t('customers.links.subscriptions')}
                        </RouterLink>
                        <RouterLink to={`/customers/${c.id}/users`}>{t('customers.links.users')}</RouterLink>
                        <RouterLink to={`/customers/${c.id}/account`}>{t('customers.links.account')}</RouterLink>
                      </dd>
                    </dl>
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
