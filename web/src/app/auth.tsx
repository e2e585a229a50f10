import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import type { Role, SessionUser } from '../../../core/auth/roles.ts';
import { api, setCsrfToken } from '../api/client.ts';
import type { CurrentSession, Session } from '../api/types.ts';
import { SESSION_KEY } from './query-client.ts';

type Auth = {
  user: SessionUser | null;
  loading: boolean;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  can: (roles: readonly Role[]) => boolean;
};

const AuthContext = createContext<Auth | null>(null);

/** Another user must not see the previous one's cached answers; the session query itself stays observed. */
function forgetOtherQueries(queryClient: ReturnType<typeof useQueryClient>): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

// Asked at every start, the login page's included: nobody logged in is a 200 with nulls, not a 401 in the console.
async function fetchSession(): Promise<Session | null> {
  const current = await api.get<CurrentSession>('/api/auth/session');
  if (current.user === null) return null;
  setCsrfToken(current.csrfToken);
  return current;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity });
  const user = session.data?.user ?? null;

  const value: Auth = {
    user,
    loading: session.isPending,
    login: async (email, password) => {
      const answer = await api.post<Session>('/api/auth/login', { email, password });
      setCsrfToken(answer.csrfToken);
      forgetOtherQueries(queryClient);
      queryClient.setQueryData(SESSION_KEY, answer);
    },
    logout: async () => {
      await api.post('/api/auth/logout').catch(() => undefined); // a dead session is logged out anyway
      setCsrfToken(null);
      forgetOtherQueries(queryClient);
      queryClient.setQueryData(SESSION_KEY, null);
    },
    can: (roles) => !!user && roles.includes(user.role),
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
