// A dialog around one change: its question or form, the button that makes the change, and the
// API's refusal shown right there, in the user's language. After the change, `done` (a secret
// shown once, with its own Done button) may replace the question. Also used by App registrations.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';

import { ErrorBar } from '../../components/ErrorBar';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Makes the change; an error it throws is shown above the buttons. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** After the change: what replaces the question (the secret shown once). */
  done?: ReactNode;
}

export function ActionDialog({ open, title, children, confirmLabel, onConfirm, onClose, done }: Props) {
  const styles = useStyles();
  const t = useT();
  const action = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!action.busy) void action.run(onConfirm);
  };

  return (
    // A secret on screen is not dismissed by a stray click outside: only by its Done button or Escape.
    <Dialog open={open} modalType={done ? 'alert' : 'modal'} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        {done ? (
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>{done}</DialogContent>
          </DialogBody>
        ) : (
          <form onSubmit={submit} noValidate>
            <DialogBody>
              <DialogTitle>{title}</DialogTitle>
              <DialogContent className={styles.content}>
                {children}
                <ErrorBar error={action.error} />
              </DialogContent>
              <DialogActions fluid>
                {/* disabledFocusable: the focus stays on the button (and in the dialog) while it works */}
                <Button type="submit" appearance="primary" disabledFocusable={action.busy}>
                  {confirmLabel}
                </Button>
                <Button onClick={onClose}>{t('partnerUsers.cancel')}</Button>
              </DialogActions>
            </DialogBody>
          </form>
        )}
      </DialogSurface>
    </Dialog>
  );
}
