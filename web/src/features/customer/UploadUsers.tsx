// Upload users: a CSV file in the portal's format (a template to download), one usage location
// for the whole file, then the per-row results the server wrote in "Status update" (a table, and
// the file to download), and the temporary passwords of the new users, which the API gives once.
// A file whose structure is wrong is refused whole (700302): nothing was created.
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';

import { ApiError } from '../../api/client';
import { CountrySelect } from '../../components/CountrySelect';
import { toCsv } from '../../components/csv';
import { ErrorBar } from '../../components/ErrorBar';
import { useListPageStyles } from '../../components/layout';
import { ListTable } from '../../components/ListTable';
import { saveFile } from '../../components/saveFile';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { CREATED, OPTIONAL_COLUMNS, STATUS_COLUMN, UPLOAD_COLUMNS, parseCsv } from './csvRows';
import { downloadPasswords, importUsers, type ImportResult } from './usersApi';

/** The API's limit for one file (docs/api.md, "The portal's upload"). */
const MAX_ROWS = 100;
/** Partner Center's code for a file refused as a whole, with the server's reason. */
const FILE_REFUSED = '700302';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    maxWidth: '720px',
    // Messages as wide as the section, so that long ones wrap instead of widening the page.
    '& > .fui-MessageBar': { alignSelf: 'stretch' },
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  file: { maxWidth: '100%' },
  results: { alignSelf: 'stretch', overflowX: 'auto' },
  // At phone width the names give way to what matters: display name, email, result.
  optional: { '@media (max-width: 600px)': { display: 'none' } },
  created: { color: tokens.colorPaletteGreenForeground1, overflowWrap: 'anywhere' },
  failed: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
});

interface Props {
  customerId: string;
  /** The billing country: the usage location the form starts on. */
  country: string;
  onImported: () => void;
  onClose: () => void;
}

export function UploadUsers({ customerId, country, onImported, onClose }: Props) {
  const styles = { ...useListPageStyles(), ...useStyles() };
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [location, setLocation] = useState(country);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const uploading = useAction();
  const passwords = useAction();

  const table = useMemo(() => (result ? parseCsv(result.csv) : []), [result]);
  const [header = [], ...rows] = table;
  const at = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const statusAt = at(STATUS_COLUMN);
  const optional = new Set(OPTIONAL_COLUMNS.map(at));

  const template = () => saveFile(toCsv([UPLOAD_COLUMNS]), 'users-template.csv');

  const upload = () =>
    uploading.run(async () => {
      setRefused(null);
      if (!file) {
        setMissingFile(true);
        return;
      }
      try {
        setResult(await importUsers(customerId, location, file));
        setDownloaded(false);
        onImported();
      } catch (e) {
        if (e instanceof ApiError && e.code === FILE_REFUSED) {
          setRefused(e.description);
          return;
        }
        throw e;
      }
    });

  const takePasswords = (token: string) =>
    passwords.run(async () => {
      saveFile(await downloadPasswords(token), 'temporary-passwords.csv');
      setDownloaded(true);
    });

  if (result) {
    return (
      <section className={styles.section} aria-labelledby="upload-results">
        <Subtitle2 as="h2" id="upload-results">
          {t('customer.upload.resultsTitle')}
        </Subtitle2>
        <Text role="status">{t('customer.upload.summary', { created: result.created, failed: result.failed })}</Text>
        <div className={styles.results}>
          <ListTable
            label={t('customer.upload.results')}
            size="small"
            columns={header.map((h, i) => ({ label: h, className: optional.has(i) ? styles.optional : undefined }))}
          >
            {rows.map((row, r) => (
              <TableRow key={r}>
                {row.map((cell, i) =>
                  i === statusAt ? (
                    <TableCell key={i} className={cell === CREATED ? styles.created : styles.failed}>
                      {cell === CREATED
                        ? t('customer.upload.rowCreated')
                        : t('customer.upload.rowFailed', { reason: cell })}
                    </TableCell>
                  ) : (
                    <TableCell key={i} className={mergeClasses(styles.cell, optional.has(i) && styles.optional)}>
                      {cell}
                    </TableCell>
                  ),
                )}
              </TableRow>
            ))}
          </ListTable>
        </div>
        <Button
          onClick={() => saveFile(new Blob([result.csv], { type: 'text/csv' }), 'users-status.csv')}
          aria-describedby="upload-results-hint"
        >
          {t('customer.upload.downloadResults')}
        </Button>
        <Text id="upload-results-hint" size={200}>
          {t('customer.upload.resultsHint')}
        </Text>
        {result.passwordsToken && (
          <>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody id="passwords-warning">{t('customer.upload.passwordsWarning')}</MessageBarBody>
            </MessageBar>
            <Button
              appearance="primary"
              disabled={passwords.busy}
              aria-describedby="passwords-warning"
              onClick={() => takePasswords(result.passwordsToken ?? '')}
            >
              {t('customer.upload.downloadPasswords')}
            </Button>
            {downloaded && !passwords.error && <Text role="status">{t('customer.upload.passwordsTaken')}</Text>}
            <ErrorBar error={passwords.error} />
          </>
        )}
        <Button onClick={onClose}>{t('customer.upload.done')}</Button>
      </section>
    );
  }

  return (
    <section className={styles.section} aria-labelledby="upload-title">
      <Subtitle2 as="h2" id="upload-title">
        {t('customer.upload.title')}
      </Subtitle2>
      <Text as="p">{t('customer.upload.explain', { max: MAX_ROWS })}</Text>
      <Button onClick={template}>{t('customer.upload.template')}</Button>
      <Field
        label={t('customer.upload.file')}
        required
        validationMessage={missingFile ? t('customer.upload.fileRequired') : undefined}
      >
        {(props) => (
          <input
            {...props}
            className={styles.file}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setMissingFile(false);
              setRefused(null);
            }}
          />
        )}
      </Field>
      <Field label={t('customer.upload.location')} hint={t('customer.upload.locationHint')}>
        <CountrySelect value={location} onChange={setLocation} />
      </Field>
      {refused !== null && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{t('customer.upload.refused', { reason: refused })}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={uploading.error} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={upload} disabled={uploading.busy}>
          {t('customer.upload.submit')}
        </Button>
        <Button onClick={onClose}>{t('customer.upload.cancel')}</Button>
      </div>
    </section>
  );
}
