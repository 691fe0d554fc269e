import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, hasSessionCookie, UNAUTHENTICATED_EVENT } from './api/api-client';
import type { Me } from './api/operon-resources';

/** Who is signed in, and what their roles allow (mirrors the service's role table, for showing pages). */
interface Session {
  readonly me: Me | undefined;
  readonly loading: boolean;
  readonly signIn: (username: string, password: string) => Promise<void>;
  readonly signOut: () => Promise<void>;
  readonly hasRole: (...roles: readonly string[]) => boolean;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | undefined>(undefined);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    // Without the CSRF cookie there is no session: skip the request (a 401 would be logged in the console).
    if (!hasSessionCookie()) {
      setMe(undefined);
      setLoading(false);
      return;
    }
    try {
      setMe(await api.get<Me>('/api/v1/auth/me'));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      setMe(undefined);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const ended = () => setMe(undefined);
    window.addEventListener(UNAUTHENTICATED_EVENT, ended);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, ended);
  }, []);

  const signIn = useCallback(
    async (username: string, password: string) => {
      await api.post('/api/v1/auth/login', { username, password });
      await refresh();
    },
    [refresh],
  );
  const signOut = useCallback(async () => {
    await api.post('/api/v1/auth/logout');
    setMe(undefined);
  }, []);
  const hasRole = useCallback(
    (...roles: readonly string[]) =>
      me?.grants.some((grant) => grant.role === 'admin' || roles.includes(grant.role)) ?? false,
    [me],
  );
  return (
    <SessionContext.Provider value={{ me, loading, signIn, signOut, hasRole }}>{children}</SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
