// An API error next to the partnership action that failed: the partnership codes in this
// feature's words (partners.error.<code>), anything else as components/ErrorBar shows it.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

import { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { useT } from '../../i18n/LanguageProvider';

const CODES = ['700201', '700202', '700203', '700204'];

export function PartnersErrorBar({ error }: { error: unknown }) {
  const t = useT();
  if (error instanceof ApiError && CODES.includes(error.code)) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{t(`partners.error.${error.code}`)}</MessageBarBody>
      </MessageBar>
    );
  }
  return <ErrorBar error={error} />;
}
