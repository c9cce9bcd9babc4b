import i18next from 'i18next';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Me } from '../../api-types.ts';
import { currentLanguage, rememberedLanguage } from '../../i18n/index.ts';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../../lib/api.ts';
import * as auth from './auth.api.ts';

type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'authenticated'; me: Me }
  | { status: 'unreachable'; error: Error };

type Session = {
  state: SessionState;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  switchOrganisation: (orgId: string) => Promise<void>;
  refresh: () => Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

/** Who is logged in, for which organisation, and the CSRF token every unsafe request needs. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    // Until this browser has a choice of its own, speak the user's language from their profile.
    if (rememberedLanguage() === null && currentLanguage() !== me.user.language) {
      void i18next.changeLanguage(me.user.language);
      document.documentElement.lang = me.user.language;
    }
    setState({ status: 'authenticated', me });
  }, []);

  const refresh = useCallback(async () => {
    try {
      signedIn(await auth.fetchMe());
    } catch (error) {
      setCsrfToken(null);
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        setState({ status: 'anonymous', expired: false });
      } else {
        setState({ status: 'unreachable', error: error instanceof Error ? error : new Error(String(error)) });
      }
    }
  }, [signedIn]);

  useEffect(() => {
    void refresh();
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setState((previous) =>
        previous.status === 'authenticated' ? { status: 'anonymous', expired: true } : previous,
      );
    });
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const session = useMemo<Session>(
    () => ({
      state,
      refresh,
      login: async (email, password) => {
        signedIn(await auth.login(email, password));
      },
      logout: async () => {
        try {
          await auth.logout();
        } finally {
          setCsrfToken(null);
          setState({ status: 'anonymous', expired: false });
        }
      },
      switchOrganisation: async (orgId) => {
        await auth.switchOrganisation(orgId);
        await refresh();
      },
    }),
    [state, refresh, signedIn],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The logged-in user's session; only for screens rendered behind the login. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe without a logged-in user');
  return state.me;
}
