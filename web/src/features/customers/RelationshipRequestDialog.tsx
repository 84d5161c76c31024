// Request a reseller relationship: the draft email with the personalised link, with or without
// delegated admin, to send from the partner's own mail (Open in email) or to paste (Copy).
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
import { useEffect, useState } from 'react';

import { ErrorBar } from '../../components/ErrorBar';
import { useLanguage, useT } from '../../i18n/LanguageProvider';
import { requestRelationship, type RelationshipRequest } from './api';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  body: { minHeight: '14em' },
});

interface Props {
  open: boolean;
  /** null when the role may request delegated admin; otherwise why it may not (a catalog key). */
  delegatedAdminBlocked: string | null;
  onClose: () => void;
}

export function RelationshipRequestDialog({ open, delegatedAdminBlocked, onClose }: Props) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLanguage();
  const [delegatedAdmin, setDelegatedAdmin] = useState(false);
  const [draft, setDraft] = useState<RelationshipRequest | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!open) return;
    let current = true;
    setDraft(null);
    setError(null);
    setCopied(false);
    requestRelationship(delegatedAdmin, locale)
      .then((r) => current && setDraft(r))
      .catch((e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [open, delegatedAdmin, locale]);

  const mailto = draft
    ? `mailto:?subject=${encodeURIComponent(draft.email.subject)}&body=${encodeURIComponent(draft.email.body)}`
    : undefined;

  const copy = async () => {
    if (!draft) return;
    try {
      await navigator.clipboard.writeText(draft.email.body);
      setCopied(true);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('customers.request.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <p>{t('customers.request.intro')}</p>
            <Field hint={delegatedAdminBlocked ? t(delegatedAdminBlocked) : undefined}>
              <Checkbox
                label={t('customers.request.delegatedAdmin')}
                checked={delegatedAdmin}
                disabled={delegatedAdminBlocked !== null}
                onChange={(_, d) => setDelegatedAdmin(d.checked === true)}
              />
            </Field>
            <ErrorBar error={error} />
            <Field label={t('customers.request.subject')}>
              <Input readOnly value={draft?.email.subject ?? ''} />
            </Field>
            <Field label={t('customers.request.body')}>
              <Textarea readOnly className={styles.body} value={draft?.email.body ?? ''} resize="vertical" />
            </Field>
            {copied && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{t('customers.request.copied')}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions fluid>
            <Button as="a" href={mailto} disabled={!draft}>
              {t('customers.request.openInEmail')}
            </Button>
            <Button onClick={() => void copy()} disabled={!draft}>
              {t('customers.request.copy')}
            </Button>
            <Button appearance="primary" onClick={onClose}>
              {t('customers.request.done')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
