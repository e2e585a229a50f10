import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, withQuery } from '../../api/client.ts';
import { useCustomer } from '../../customers/use-customer.ts';
import type { CustomerList, CustomerSummary, OrderContext } from '../../api/types.ts';
import type { OrderAvailability } from '../../../../core/orders/orders.schemas.ts';

export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: ['customers', 'search', q],
    queryFn: () => api.get<CustomerList>(withQuery('/api/customers', { q, limit: 8 })),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** `orderId`: the order being changed, whose own amount and gestures are its, not another order's. */
export function useOrderContext(customerId: number | null, orderId?: number) {
  return useQuery({
    queryKey: ['customers', customerId, 'order-context', orderId ?? null],
    queryFn: () => api.get<OrderContext>(withQuery(`/api/customers/${customerId}/order-context`, orderId ? { orderId } : {})),
    enabled: customerId !== null,
  });
}

/**
 * Stock, lots, receipts and other orders of the products on the order (and their substitutes) for this customer:
 * the availability rule then runs in the browser as she types, on the pool the server checks with.
 */
export function useOrderAvailability(customerId: number | null, productIds: readonly number[], orderId?: number) {
  const ids = [...new Set(productIds)].sort((a, b) => a - b);
  return useQuery({
    queryKey: ['customers', customerId, 'order-availability', ids.join(','), orderId ?? null],
    queryFn: () =>
      api.get<OrderAvailability>(
        withQuery(`/api/customers/${customerId}/order-availability`, { productIds: ids.join(','), ...(orderId ? { orderId } : {}) }),
      ),
    enabled: customerId !== null && ids.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** The customer named by ?customerId= when the entry is opened from that customer's page. */
export function usePresetCustomer(): CustomerSummary | undefined {
  const [params] = useSearchParams();
  const id = Number(params.get('customerId'));
  return useCustomer(Number.isInteger(id) && id > 0 ? id : null).data;
}
