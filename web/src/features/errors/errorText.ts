// An API error in the user's language: the message for its Partner Center code when the catalog
// has one (errors.code.<code>), else the server's own description, else a generic line.
//
// A feature where a code means something narrower than the generic message says passes its
// name as `context`: `<context>.error.<code>` from that feature's catalog is then tried first
// (partners.error.700204: only providers request partnerships and only resellers accept them).
import type { IntlShape } from 'react-intl';

import { ApiError } from '../../api/client';

export function errorText(intl: IntlShape, error: unknown, context?: string): string {
  if (!(error instanceof ApiError)) return intl.formatMessage({ id: 'errors.network' });
  if (error.code) {
    for (const id of [context && `${context}.error.${error.code}`, `errors.code.${error.code}`]) {
      if (id && intl.messages[id]) return intl.formatMessage({ id });
    }
  }
  return error.description || intl.formatMessage({ id: 'errors.generic' }, { status: error.status });
}
