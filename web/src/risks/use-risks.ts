import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../api/client.ts';
import type { RiskCount, RiskList } from './types.ts';

/** The open-risk count for the sidebar, refreshed every minute: the scan runs on the server by itself. */
export function useRiskCount() {
  return useQuery({ queryKey: ['risks', 'count'], queryFn: () => api.get<RiskCount>('/api/risks/count'), refetchInterval: 60_000 });
}

export function useRisks(filter: { status: string | null; cause: string | null; customerId: string | null }) {
  return useQuery({ queryKey: ['risks', 'list', filter], queryFn: () => api.get<RiskList>(withQuery('/api/risks', filter)) });
}
