import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { CustomerList } from '../api/types.ts';

/** Every account as select options (a mill has tens to hundreds of customers, not millions). */
export function useCustomerOptions() {
  const query = useQuery({
    queryKey: ['customers', 'options'],
    queryFn: () => api.get<CustomerList>('/api/customers?limit=500'),
    staleTime: 5 * 60_000,
  });
  return (query.data?.items ?? []).map((c) => ({ value: String(c.id), label: `${c.name} (${c.code})` }));
}
