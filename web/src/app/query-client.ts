import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';

/** The logged-in user and CSRF token, as GET /api/auth/me answered (null: nobody). */
export const SESSION_KEY = ['session'];

// A 401 on any call means the session is gone (expired, logged out elsewhere): forget it, and the layout
// sends her to the login page instead of showing errors on every panel.
const onError = (error: unknown) => {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(SESSION_KEY, null);
};

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again; a network hiccup might.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
