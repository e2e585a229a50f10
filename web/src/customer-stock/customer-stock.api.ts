import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { CustomerStock, OrderProposal } from '../../../core/customer-stock/customer-stock.schemas.ts';

export type { CustomerStock, OrderProposal, VmiSettings } from '../../../core/customer-stock/customer-stock.schemas.ts';

export const customerStockKey = (customerId: number) => ['customer-stock', customerId] as const;

export function useCustomerStock(customerId: number) {
  return useQuery({
    queryKey: [...customerStockKey(customerId), 'stock'],
    queryFn: () => api.get<CustomerStock>(`/api/customers/${customerId}/stock`),
  });
}

export function useOrderProposal(customerId: number, deliveryPointId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: [...customerStockKey(customerId), 'proposal', deliveryPointId],
    queryFn: () =>
      api.get<OrderProposal>(`/api/customers/${customerId}/order-proposal${deliveryPointId ? `?deliveryPointId=${deliveryPointId}` : ''}`),
    enabled,
  });
}

/** The colour of a cover: red when it runs out before a delivery can arrive, orange under the target. */
export function coverColor(cover: number | null, leadTimeDays: number, targetCoverDays: number): string | undefined {
  if (cover === null) return undefined;
  if (cover < leadTimeDays) return 'red';
  return cover < targetCoverDays ? 'orange' : undefined;
}
