// An API error in the user's language: the message for its Partner Center code when the catalog
// has one (errors.code.<code>), else the server's own description, else a generic line.
import type { IntlShape } from 'react-intl';

import { ApiError } from '../../api/client';

export function errorText(intl: IntlShape, error: unknown): string {
  if (!(error instanceof ApiError)) return intl.formatMessage({ id: 'errors.network' });
  const id = `errors.code.${error.code}`;
  if (error.code && intl.messages[id]) return intl.formatMessage({ id });
  return error.description || intl.formatMessage({ id: 'errors.generic' }, { status: error.status });
}
