// Holds who is logged in and which organization they work in, for the whole app.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onUnauthorized, storedOrg, storeOrg } from '../../../lib/api';
import { canManage, canWrite, type Role } from '../../../lib/roles';
import * as auth from '../api';

type Status = 'loading' | 'anonymous' | 'ready' | 'error';

export interface Session {
  status: Status;
  me: auth.Me | null;
  /** The role in the current organization. */
  role: Role | undefined;
  canWrite: boolean;
  canManage: boolean;
  /** Changes whenever the organization changes; pages key their data on it. */
  orgEpoch: number;
  error: unknown;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  switchOrg: (id: string) => Promise<void>;
  /** Reads /me again: after a change of one's name or of the organization's. */
  refresh: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** GET /me for the stored organization; forgets a stored organization the user no longer has. */
async function loadMe(): Promise<auth.Me> {
  try {
    return await auth.getMe();
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && storedOrg()) {
      storeOrg(null);
      return auth.getMe();
    }
    throw e;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [me, setMe] = useState<auth.Me | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [orgEpoch, setOrgEpoch] = useState(0);
  const [attempt, setAttempt] = useState(0);

  const accept = useCallback((m: auth.Me) => {
    storeOrg(m.organization.id);
    setMe(m);
    setStatus('ready');
  }, []);

  useEffect(() => {
    let live = true;
    loadMe().then(
      (m) => live && accept(m),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) {
          setStatus('anonymous');
        } else {
          setError(e);
          setStatus('error');
        }
      },
    );
    return () => {
      live = false;
    };
  }, [accept, attempt]);

  useEffect(() => {
    onUnauthorized(() => {
      setMe(null);
      setStatus('anonymous');
    });
    return () => onUnauthorized(null);
  }, []);

  const signIn = useCallback(
    async (email: string, password: string) => {
      let m = await auth.login(email, password);
      const wanted = storedOrg();
      if (wanted && wanted !== m.organization.id && m.organizations.some((o) => o.id === wanted)) {
        m = await auth.getMe();
      }
      accept(m);
      setOrgEpoch((n) => n + 1);
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    try {
      await auth.logout();
    } finally {
      setMe(null);
      setStatus('anonymous');
    }
  }, []);

  const switchOrg = useCallback(
    async (id: string) => {
      const previous = storedOrg();
      storeOrg(id);
      try {
        accept(await auth.getMe());
        setOrgEpoch((n) => n + 1);
      } catch (e) {
        storeOrg(previous);
        throw e;
      }
    },
    [accept],
  );

  const refresh = useCallback(async () => accept(await auth.getMe()), [accept]);

  const value = useMemo<Session>(() => {
    const role = me?.organization.role;
    return {
      status,
      me,
      role,
      canWrite: canWrite(role),
      canManage: canManage(role),
      orgEpoch,
      error,
      signIn,
      signOut,
      switchOrg,
      refresh,
      retry: () => {
        setStatus('loading');
        setAttempt((n) => n + 1);
      },
    };
  }, [status, me, orgEpoch, error, signIn, signOut, switchOrg, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
