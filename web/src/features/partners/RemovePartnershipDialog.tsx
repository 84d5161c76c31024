// Remove a partnership, after a confirmation that says what removing does and does not do
// (reference §2.5): the customers stay, delegated admin stays, no notice is sent. The API's
// refusal shows in the dialog, next to Yes.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';

import { ErrorBar } from '../../components/ErrorBar';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n/LanguageProvider';
import { removePartnership, type Partnership } from './api';

interface Props {
  /** The partner to part with; null: the dialog is closed. */
  partner: Partnership | null;
  /** 'reseller': a provider removes one of its resellers; 'provider': a reseller, its provider. */
  side: 'reseller' | 'provider';
  onRemoved: (partner: Partnership) => void;
  onCancel: () => void;
}

export function RemovePartnershipDialog({ partner, side, onRemoved, onCancel }: Props) {
  const t = useT();
  const removing = useAction();
  const name = partner?.name ?? '';

  const confirm = () =>
    removing.run(async () => {
      if (!partner) return;
      await removePartnership(partner.id);
      onRemoved(partner);
    });

  return (
    <Dialog open={partner !== null} modalType="alert" onOpenChange={(_, d) => !d.open && !removing.busy && onCancel()}>
      <DialogSurface aria-describedby="remove-partnership-warning">
        <DialogBody>
          <DialogTitle>{t('partners.remove.title', { name })}</DialogTitle>
          <DialogContent id="remove-partnership-warning">
            <p>{t(`partners.remove.warning.${side}`, { name })}</p>
            <p>{t('partners.remove.keeps')}</p>
            <ErrorBar error={removing.error} context="partners" />
          </DialogContent>
          <DialogActions>
            {/* No comes first: the dialog focuses its first control, and that should be the harmless answer. */}
            <Button onClick={onCancel} disabled={removing.busy}>
              {t('partners.remove.no')}
            </Button>
            <Button appearance="primary" onClick={() => void confirm()} disabled={removing.busy}>
              {t('partners.remove.yes')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
