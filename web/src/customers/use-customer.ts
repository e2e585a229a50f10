import { useQuery } from '@tanstack/react-query';
import type { CustomerDetail } from '../../../core/customers/customer.ts';
import { api } from '../api/client.ts';
import type { CustomerProductCode } from '../api/types.ts';

export function useCustomer(id: number | null) {
  return useQuery({ queryKey: ['customers', id], queryFn: () => api.get<CustomerDetail>(`/api/customers/${id}`), enabled: id !== null });
}

export function useCustomerProductCodes(id: number) {
  return useQuery({
    queryKey: ['customers', id, 'product-codes'],
    queryFn: () => api.get<CustomerProductCode[]>(`/api/customers/${id}/product-codes`),
  });
}
