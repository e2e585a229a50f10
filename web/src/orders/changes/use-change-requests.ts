import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CHANGE_APPROVERS } from '../../../../core/auth/roles.ts';
import { api, withQuery } from '../../api/client.ts';
import type { ChangeRequest, ChangeRequestList } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';

/** One order's change requests, newest first: what waits for a manager, and the last answers. */
export function useOrderChangeRequests(orderId: number) {
  return useQuery({
    queryKey: ['orders', orderId, 'change-requests'],
    queryFn: () => api.get<ChangeRequestList>(`/api/orders/${orderId}/change-requests`),
  });
}

/** The changes waiting for a manager; refreshed every minute, like the drafts, for the sidebar's count. */
export function usePendingChangeRequests() {
  const { can } = useAuth();
  return useQuery({
    queryKey: ['change-requests', 'pending'],
    queryFn: () => api.get<ChangeRequestList>(withQuery('/api/change-requests', { status: 'pending', limit: 100 })),
    enabled: can(CHANGE_APPROVERS),
    refetchInterval: 60_000,
  });
}

/** A manager's answer; the queue, the order and its timeline refresh. */
export function useDecideChangeRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: number; decision: 'approve' | 'refuse'; reason: string }) =>
      api.post<ChangeRequest>(`/api/change-requests/${id}/${decision}`, { reason }),
    onSuccess: (answered) => {
      void queryClient.invalidateQueries({ queryKey: ['change-requests'] });
      void queryClient.invalidateQueries({ queryKey: ['orders', answered.orderId] });
    },
  });
}
