// Names of the server's operation, resource and status codes in the user's language; a code the
// catalogs do not know yet (a newer server) shows as the code itself, its underscores as spaces.
import type { IntlShape } from 'react-intl';

import type { AuditRecord } from './api';

function named(intl: IntlShape, kind: 'operation' | 'resource' | 'status', code: string): string {
  const id = `activityLog.${kind}.${code}`;
  return intl.messages[id] ? intl.formatMessage({ id }) : code.replace(/_/g, ' ');
}

export const operationName = (intl: IntlShape, code: string) => named(intl, 'operation', code);
export const resourceName = (intl: IntlShape, code: string) => named(intl, 'resource', code);
export const statusName = (intl: IntlShape, code: string) => named(intl, 'status', code);

/** Who made the change: the partner user, else the app (app-only token). */
export function actorOf(r: AuditRecord): string {
  return r.userPrincipalName || r.applicationId;
}

/** A JSON value as indented text; anything else as it is. */
export function pretty(text: string): string {
  if (!text) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
