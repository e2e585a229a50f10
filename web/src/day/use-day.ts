import { useQuery } from '@tanstack/react-query';
import type { Day } from '../../../core/day/day.schemas.ts';
import { api, withQuery } from '../api/client.ts';

/** Her day (or, for a manager, a colleague's), planned by the server. */
export function useDay(userId?: number) {
  return useQuery({ queryKey: ['day', userId ?? 'me'], queryFn: () => api.get<Day>(withQuery('/api/day', { userId })) });
}

export const minutesText = (m: number) => (m >= 60 ? `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}` : `${m} min`);
