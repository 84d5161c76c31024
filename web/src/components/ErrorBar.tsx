// An API error shown where it happened (next to the form or action it concerns). `context`: the
// feature whose catalog words some codes its own way (features/errors/errorText.ts).
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useIntl } from 'react-intl';

import { errorText } from '../features/errors/errorText';

export function ErrorBar({ error, id, context }: { error: unknown; id?: string; context?: string }) {
  const intl = useIntl();
  if (!error) return null;
  return (
    <MessageBar intent="error" id={id} role="alert">
      <MessageBarBody>{errorText(intl, error, context)}</MessageBarBody>
    </MessageBar>
  );
}
