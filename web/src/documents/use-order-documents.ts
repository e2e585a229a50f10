import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../api/client.ts';
import type { OrderDocument, PreparingDocument } from '../../../core/documents/documents.schemas.ts';

/**
 * An order's filed documents and those the worker is still printing (they are printed after the commit). While one
 * is being prepared, look again; when one gets filed, read everything about the order again (the filed list, the
 * emails it called for, a delivery's note link on the order itself), so the desk and the portal show the new PDF
 * without a reload.
 */
export function useOrderDocuments(orderId: number, version: string) {
  const queryClient = useQueryClient();
  const preparing = useQuery({
    queryKey: ['orders', orderId, 'documents', 'preparing', version],
    queryFn: () => api.get<PreparingDocument[]>(`/api/orders/${orderId}/documents/preparing`),
    enabled: version !== '',
    refetchInterval: (q) => (q.state.data?.some((p) => p.status === 'preparing') ? 1_500 : false),
  });
  const documents = useQuery({
    queryKey: ['orders', orderId, 'documents', version],
    queryFn: () => api.get<OrderDocument[]>(`/api/orders/${orderId}/documents`),
    enabled: version !== '',
  });
  const waitingCount = preparing.data?.length;
  const seen = useRef<{ version: string; count: number } | null>(null);
  useEffect(() => {
    if (waitingCount === undefined) return;
    const before = seen.current;
    seen.current = { version, count: waitingCount };
    // A version's list is read after the order (it needs its version): the worker may have filed a document in
    // between, which the order and its documents, read before, do not show. An empty first answer for a version
    // therefore reads them once more, as does any document filed since the last answer.
    const filed = before?.version === version ? waitingCount < before.count : waitingCount === 0;
    if (filed) void queryClient.invalidateQueries({ queryKey: ['orders', orderId] });
  }, [waitingCount, version, queryClient, orderId]);
  return { waiting: preparing.data ?? [], documents };
}
