import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IntakeDetail, IntakeQueue } from '../../../core/intake/intake.schemas.ts';
import type { DismissReason, IntakeChannel } from '../../../core/intake/intake-enums.ts';
import type { OrderDetail } from '../api/types.ts';
import type { OrderInput } from '../../../core/orders/orders.schemas.ts';
import { api, withQuery } from '../api/client.ts';

/** "À saisir", refreshed every half minute: the mailbox is swept by the server. */
export function useIntakeQueue(channel: IntakeChannel | null, status: string) {
  return useQuery({
    queryKey: ['intake', 'queue', channel, status],
    queryFn: () => api.get<IntakeQueue>(withQuery('/api/intake', { channel, status })),
    refetchInterval: 30_000,
  });
}

/** One email or fax; read again every few seconds while the server is still reading it (OCR takes a while). */
export function useIntakeItem(id: number) {
  return useQuery({
    queryKey: ['intake', id],
    queryFn: () => api.get<IntakeDetail>(`/api/intake/${id}`),
    refetchInterval: (query) => (query.state.data?.status === 'received' ? 3000 : false),
  });
}

export function useDraftOrder(orderId: number | null) {
  return useQuery({
    queryKey: ['orders', orderId],
    queryFn: () => api.get<OrderDetail>(`/api/orders/${orderId}`),
    enabled: orderId !== null,
  });
}

/** Saving the draft typed beside the original, then confirming it (which answers the sender). */
export function useIntakeActions(id: number) {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['intake'] });
    void qc.invalidateQueries({ queryKey: ['orders'] });
  };
  const draft = useMutation({
    mutationFn: (body: { customerId?: number; order?: OrderInput }) => api.post<IntakeDetail>(`/api/intake/${id}/draft`, body),
    onSuccess: refresh,
  });
  const confirm = useMutation({ mutationFn: () => api.post<IntakeDetail>(`/api/intake/${id}/confirm`), onSuccess: refresh });
  const dismiss = useMutation({
    mutationFn: (body: { reason: DismissReason; note?: string }) => api.post<IntakeDetail>(`/api/intake/${id}/dismiss`, body),
    onSuccess: refresh,
  });
  return { draft, confirm, dismiss };
}
