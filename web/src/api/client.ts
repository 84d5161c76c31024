// The one way the portal talks to csphub: the public REST API, same origin, with the session
// cookie (HttpOnly, so this code never sees the token) and the X-CSPHub-Client header without
// which the server ignores that cookie (the CSRF defence, docs/adr/0012-portal-session-cookie.md).

export const CLIENT_HEADER = { 'X-CSPHub-Client': 'portal' } as const;

/** A failed call, with the Partner Center error code the UI maps to a message in its language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
  ) {
    super(description || `HTTP ${status}`);
  }
}

/** Partner Center's code for "change your temporary password first". */
export const PASSWORD_CHANGE_REQUIRED = '700101';

/** What the session does when the API says the session ended (401) or needs a new password. */
interface SessionHooks {
  unauthenticated: () => void;
  passwordChangeRequired: () => void;
}
let hooks: SessionHooks = { unauthenticated: () => {}, passwordChangeRequired: () => {} };
export function setSessionHooks(next: SessionHooks): void {
  hooks = next;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

async function toError(res: Response): Promise<ApiError> {
  let code = '';
  let description = '';
  try {
    const body = await res.json();
    code = String(body.code ?? body.error ?? '');
    description = String(body.description ?? body.error_description ?? body.message ?? '');
  } catch {
    // not JSON (a proxy's error page): the status alone
  }
  return new ApiError(res.status, code, description);
}

/** Sends a request; throws ApiError unless the answer is 2xx. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...CLIENT_HEADER, ...options.headers };
  let body: BodyInit | undefined;
  if (options.form) {
    body = new URLSearchParams(options.form);
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body,
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const error = await toError(res);
    if (res.status === 401 && !path.includes('/oauth2/')) hooks.unauthenticated();
    if (error.code === PASSWORD_CHANGE_REQUIRED) hooks.passwordChangeRequired();
    throw error;
  }
  return res;
}

export async function getJson<T>(path: string, headers?: Record<string, string>): Promise<T> {
  return (await send(path, { headers })).json() as Promise<T>;
}

/** A Partner Center collection: one page of items and the token for the next. */
export interface Collection<T> {
  totalCount: number;
  items: T[];
  continuationToken?: string;
}

/** Sends a CSV body (a bulk upload); throws ApiError unless the answer is 2xx, as send() does. */
export async function sendCsv(path: string, csv: string | Blob): Promise<Response> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { ...CLIENT_HEADER, 'Content-Type': 'text/csv' },
    body: csv,
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const error = await toError(res);
    if (res.status === 401) hooks.unauthenticated();
    if (error.code === PASSWORD_CHANGE_REQUIRED) hooks.passwordChangeRequired();
    throw error;
  }
  return res;
}
