// A draft email with a personalised link, to send from the user's own mail (Open in email: a
// mailto link) or to paste (Copy to clipboard), then Done. Also customers/RelationshipRequestDialog.
// `load` makes the draft in the user's language; it runs each time the dialog opens (and when
// the delegated admin choice changes, for the customer invitation that offers it).
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';

import { ErrorBar } from '../../components/ErrorBar';
import { useLanguage, useT } from '../../i18n/LanguageProvider';
import type { Locale } from '../../i18n/locales';
import type { DraftEmail } from './api';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  body: { minHeight: '14em' },
});

interface Props {
  open: boolean;
  title: string;
  /** Paragraphs above the draft, already translated. */
  intro: string[];
  load: (locale: Locale, delegatedAdmin: boolean) => Promise<DraftEmail>;
  /** Offer the delegated admin checkbox: null when the role may ask for it, else why not (a key). */
  delegatedAdmin?: { blocked: string | null };
  /** Called with the draft once it is made (a new partnership request lists itself). */
  onLoaded?: () => void;
  onClose: () => void;
}

export function DraftEmailDialog({ open, title, intro, load, delegatedAdmin, onLoaded, onClose }: Props) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLanguage();
  const [withAdmin, setWithAdmin] = useState(false);
  const [draft, setDraft] = useState<DraftEmail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);

  // The draft is made in the language the dialog opened in: a partnership request creates an
  // invitation each time, so switching languages meanwhile must not make another one.
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const loadRef = useRef({ load, onLoaded });
  loadRef.current = { load, onLoaded };

  useEffect(() => {
    if (!open) return;
    let current = true;
    setDraft(null);
    setError(null);
    setCopied(null);
    loadRef.current
      .load(localeRef.current, withAdmin)
      .then((d) => {
        if (!current) return;
        setDraft(d);
        loadRef.current.onLoaded?.();
      })
      .catch((e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [open, withAdmin]);

  const mailto = draft
    ? `mailto:?subject=${encodeURIComponent(draft.email.subject)}&body=${encodeURIComponent(draft.email.body)}`
    : undefined;

  const copy = async () => {
    if (!draft) return;
    try {
      await navigator.clipboard.writeText(draft.email.body);
      setCopied('copied');
    } catch {
      setCopied('failed'); // no clipboard access: the text can still be selected and copied
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {intro.map((p) => (
              <p key={p}>{p}</p>
            ))}
            {delegatedAdmin && (
              <Field hint={delegatedAdmin.blocked ? t(delegatedAdmin.blocked) : undefined}>
                <Checkbox
                  label={t('partners.draft.delegatedAdmin')}
                  checked={withAdmin}
                  disabled={delegatedAdmin.blocked !== null}
                  onChange={(_, d) => setWithAdmin(d.checked === true)}
                />
              </Field>
            )}
            <ErrorBar error={error} context="partners" />
            <Field label={t('partners.draft.subject')}>
              <Input readOnly value={draft?.email.subject ?? ''} />
            </Field>
            <Field label={t('partners.draft.body')}>
              <Textarea readOnly className={styles.body} value={draft?.email.body ?? ''} resize="vertical" />
            </Field>
            {copied && (
              <MessageBar intent={copied === 'copied' ? 'success' : 'warning'} role="status">
                <MessageBarBody>
                  {t(copied === 'copied' ? 'partners.draft.copied' : 'partners.draft.copyFailed')}
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions fluid>
            <Button as="a" href={mailto} disabled={!draft}>
              {t('partners.draft.openInEmail')}
            </Button>
            <Button onClick={() => void copy()} disabled={!draft}>
              {t('partners.draft.copy')}
            </Button>
            <Button appearance="primary" onClick={onClose}>
              {t('partners.draft.done')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
