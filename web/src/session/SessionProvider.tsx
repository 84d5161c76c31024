import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

import { setSessionHooks } from '../api/client';
import { useLanguage } from '../i18n/LanguageProvider';
import * as api from './session';

type State =
  { kind: 'loading' } | { kind: 'signedOut' } | { kind: 'signedIn'; me: api.Me; mustChangePassword: boolean };

interface Session {
  state: State;
  /** The tenant is the user name's domain (admin@contoso.onmicrosoft.com: contoso.onmicrosoft.com). */
  signIn: (username: string, password: string) => Promise<void>;
  changePassword: (current: string, next: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const { applyUsersLocale } = useLanguage();

  const load = useCallback(
    async (mustChangePassword: boolean) => {
      const me = await api.fetchMe();
      applyUsersLocale(me.id);
      setState({ kind: 'signedIn', me, mustChangePassword });
    },
    [applyUsersLocale],
  );

  useEffect(() => {
    setSessionHooks({
      unauthenticated: () => setState({ kind: 'signedOut' }),
      passwordChangeRequired: () => setState((s) => (s.kind === 'signedIn' ? { ...s, mustChangePassword: true } : s)),
    });
    // A session cookie from an earlier visit may still be valid.
    load(false).catch(() => setState({ kind: 'signedOut' }));
  }, [load]);

  const session = useMemo<Session>(
    () => ({
      state,
      signIn: async (username, password) => {
        const result = await api.signIn(api.tenantOf(username), username, password);
        await load(result.passwordChangeRequired);
      },
      changePassword: async (current, next) => {
        if (state.kind !== 'signedIn') return;
        await api.changePassword(current, next);
        // The session's token still says "temporary password": sign in again for a fresh one.
        const upn = state.me.userPrincipalName;
        await api.signIn(api.tenantOf(upn), upn, next);
        await load(false);
      },
      signOut: async () => {
        await api.signOut().catch(() => undefined); // signed out locally whatever the answer
        setState({ kind: 'signedOut' });
      },
    }),
    [state, load],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages inside the signed-in layout. */
export function useMe(): api.Me {
  const { state } = useSession();
  if (state.kind !== 'signedIn') throw new Error('useMe without a signed-in user');
  return state.me;
}
