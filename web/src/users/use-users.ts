import { useQuery } from '@tanstack/react-query';
import type { UserAccountList } from '../../../core/auth/users.schemas.ts';
import { api } from '../api/client.ts';

export const USERS_KEY = ['users'] as const;

/** Every account that logs in: the admin's screen lists them all, a customer's page its own buyers. */
export function useUsers() {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: async () => (await api.get<UserAccountList>('/api/users')).items,
  });
}
