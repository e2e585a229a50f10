import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Bilingual } from '../../../core/shared/bilingual.ts';
import { api } from '../api/client.ts';

export type QueueFinding = {
  source: 'mapping' | 'rules';
  kind: string;
  severity: string;
  message: Bilingual;
  lineNo: number | null;
  ediLine: number | null;
  code: string | null;
  segmentIndex: number | null;
  firstSegment: number | null;
  lastSegment: number | null;
};
export type QueueMessage = {
  id: number;
  sender: string;
  controlReference: string;
  receivedAt: string;
  rawDocumentId: string | null;
  messageReference: string;
  type: string;
  documentNumber: string | null;
  customer: { id: number; code: string | null; name: string | null } | null;
  order: { id: number; number: string | null; status: string | null } | null;
  reason: string | null;
  findings: QueueFinding[];
  deliveryPoints: { id: number; code: string; name: string; gln: string | null }[];
  segments: { index: number; text: string }[];
};
export type OrderEdi = {
  inbound: {
    id: number;
    type: string;
    messageReference: string;
    controlReference: string;
    sender: string;
    door: string;
    status: string;
    documentNumber: string | null;
    receivedAt: string;
    documentId: string | null;
    raw: string;
  }[];
  outbound: {
    id: number;
    type: string;
    controlReference: string;
    status: string;
    filename: string | null;
    documentId: string | null;
    error: string | null;
    createdAt: string;
    writtenAt: string | null;
  }[];
};

/** How many EDI messages wait, for the sidebar: refreshed every minute (the inbox is swept by the server). */
export function useEdiQueueCount() {
  return useQuery({
    queryKey: ['edi', 'count'],
    queryFn: () => api.get<{ count: number }>('/api/edi/queue/count'),
    refetchInterval: 60_000,
  });
}

export function useEdiQueue() {
  return useQuery({ queryKey: ['edi', 'queue'], queryFn: () => api.get<{ items: QueueMessage[]; total: number }>('/api/edi/queue') });
}

export function useOrderEdi(orderId: number, version: string) {
  return useQuery({ queryKey: ['orders', orderId, 'edi', version], queryFn: () => api.get<OrderEdi>(`/api/orders/${orderId}/edi`) });
}

/** The one-click fixes; the queue, its count and the orders are read again after each. */
export function useEdiFix() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      fix,
      body,
    }: {
      id: number;
      fix: 'map-product' | 'choose-delivery-point' | 'accept-price';
      body: Record<string, unknown>;
    }) =>
      api.post<{ id: number; status: string; orderId: number | null; reason: string | null }>(
        `/api/edi/messages/${id}/${fix}`,
        body as never,
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['edi'] });
      void qc.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}

export type EdiPartner = {
  id: number;
  customerId: number;
  gln: string;
  name: string;
  autoConfirm: boolean;
  inboxFolder: string;
  outboxFolder: string;
  active: boolean;
  hasToken: boolean;
  createdAt: string;
};

export function useEdiPartners() {
  return useQuery({ queryKey: ['edi', 'partners'], queryFn: () => api.get<{ items: EdiPartner[] }>('/api/edi/partners') });
}

/** A new API token for a partner: the answer is the only place it is ever shown. */
export function useRotateEdiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<{ token: string }>(`/api/edi/partners/${id}/rotate-token`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['edi', 'partners'] }),
  });
}
