import { useQuery } from '@tanstack/react-query';
import { ORDER_APPROVERS } from '../../../../core/auth/roles.ts';
import { api, withQuery } from '../../api/client.ts';
import type { Approvals } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';

/** The manager's queue; refreshed every minute so the sidebar's count follows what the desk saves. */
export function useApprovals(limit = 100) {
  const { can } = useAuth();
  return useQuery({
    queryKey: ['approvals', limit],
    queryFn: () => api.get<Approvals>(withQuery('/api/approvals', { limit })),
    enabled: can(ORDER_APPROVERS),
    refetchInterval: 60_000,
  });
}
