// Request a reseller relationship: the draft email with the personalised link, with or without
// delegated admin — the partners feature's draft-email dialog, loading the customer invitation.
import { useT } from '../../i18n/LanguageProvider';
import { DraftEmailDialog } from '../partners/DraftEmailDialog';
import { requestRelationship } from './api';

interface Props {
  open: boolean;
  /** null when the role may request delegated admin; otherwise why it may not (a catalog key). */
  delegatedAdminBlocked: string | null;
  onClose: () => void;
}

export function RelationshipRequestDialog({ open, delegatedAdminBlocked, onClose }: Props) {
  const t = useT();
  return (
    <DraftEmailDialog
      open={open}
      title={t('customers.request.title')}
      intro={[t('customers.request.intro')]}
      load={(locale, delegatedAdmin) => requestRelationship(delegatedAdmin, locale)}
      delegatedAdmin={{ blocked: delegatedAdminBlocked }}
      onClose={onClose}
    />
  );
}
