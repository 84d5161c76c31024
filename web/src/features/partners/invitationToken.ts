// The partnership link a provider emails is <public_url>/#/partnerships/accept/<token>. The
// token is a secret: it is read once, as soon as this module loads (before main.tsx turns
// "/#/x" into "/x", and before any sign-in page shows), kept in memory only — never in page
// storage, never logged — and the address becomes "/partnerships/accept" (history.replaceState),
// so the token stays neither in the address bar nor in the history. Reloading the page forgets
// it: the person opens the link from the email again. The same happens when the link is
// pasted into a tab where the portal is open (below).
const LINK = /^\/?#?\/partnerships\/accept\/([A-Za-z0-9_~.-]+)\/?$/;
export const ACCEPT_PATH = '/partnerships/accept';

let pending: string | null = null;

/** Moves a token from the address into memory; returns whether there was one. */
export function captureInvitationToken(): boolean {
  const { hash, pathname } = window.location;
  const match = LINK.exec(hash) ?? LINK.exec(pathname);
  if (!match) return false;
  pending = decodeURIComponent(match[1]);
  window.history.replaceState(null, '', ACCEPT_PATH);
  return true;
}

captureInvitationToken();

// The link pasted into a tab where the portal is already open is a same-document navigation
// (only the "#…" changes): nothing reloads. The browser fires popstate, then hashchange. This
// listener is added before the router's, so the router already reads the clean address; should
// a browser fire only hashchange, the router is told with a popstate of our own (replaceState
// fires none).
window.addEventListener('popstate', () => void captureInvitationToken());
window.addEventListener('hashchange', () => {
  if (captureInvitationToken()) window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
});

export function invitationToken(): string | null {
  return pending;
}

/** A token that reached the router's address anyway (in-app navigation to the link). */
export function rememberInvitationToken(token: string): void {
  pending = token;
}

/** After the partnership is accepted (or the link refused): the token is of no more use. */
export function forgetInvitationToken(): void {
  pending = null;
}
