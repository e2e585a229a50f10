import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EdiFixResult,
  EdiPartnerList,
  EdiQueue,
  EdiQueueCount,
  EdiToken,
  OrderEdi,
  ProductCandidates,
} from '../../../core/edi/edi.schemas.ts';
import { api } from '../api/client.ts';

/** How many EDI messages wait, for the sidebar: refreshed every minute (the inbox is swept by the server). */
export function useEdiQueueCount() {
  return useQuery({
    queryKey: ['edi', 'count'],
    queryFn: () => api.get<EdiQueueCount>('/api/edi/queue/count'),
    refetchInterval: 60_000,
  });
}

export function useEdiQueue() {
  return useQuery({ queryKey: ['edi', 'queue'], queryFn: () => api.get<EdiQueue>('/api/edi/queue') });
}

export function useOrderEdi(orderId: number, version: string) {
  return useQuery({ queryKey: ['orders', orderId, 'edi', version], queryFn: () => api.get<OrderEdi>(`/api/orders/${orderId}/edi`) });
}

/**
 * The one-click fixes and a manager's answers; the queue, its count, the orders and the approvals are read again
 * after each. `onLeftQueue`: the fix was the message's last (it is no longer waiting).
 */
export function useEdiFix(onLeftQueue?: (result: EdiFixResult) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      fix,
      body,
    }: {
      id: number;
      fix: 'map-product' | 'choose-delivery-point' | 'accept-price' | 'approve';
      body: Record<string, unknown>;
    }) => api.post<EdiFixResult>(`/api/edi/messages/${id}/${fix}`, body),
    onSuccess: (result) => {
      if (result.status !== 'queued') onLeftQueue?.(result);
      void qc.invalidateQueries({ queryKey: ['edi'] });
      void qc.invalidateQueries({ queryKey: ['orders'] });
      void qc.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}

/** The products to propose first for a message's unknown code: named by the line's own text, the assortment first. */
export function useProductCandidates(messageId: number, code: string) {
  return useQuery({
    queryKey: ['edi', 'candidates', messageId, code],
    queryFn: () => api.get<ProductCandidates>(`/api/edi/messages/${messageId}/product-candidates?code=${encodeURIComponent(code)}`),
  });
}

export function useEdiPartners() {
  return useQuery({ queryKey: ['edi', 'partners'], queryFn: () => api.get<EdiPartnerList>('/api/edi/partners') });
}

/** A new API token for a partner: the answer is the only place it is ever shown. */
export function useRotateEdiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<EdiToken>(`/api/edi/partners/${id}/rotate-token`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['edi', 'partners'] }),
  });
}
