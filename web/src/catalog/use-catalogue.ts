import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/client.ts';
import type { ProductList } from '../api/types.ts';

/** The whole catalogue, loaded once: products are matched in the browser as she types, with no round trip. */
export function useCatalogue() {
  const query = useQuery({
    queryKey: ['products', 'catalogue'],
    queryFn: () => api.get<ProductList>('/api/products?limit=500'),
    staleTime: 5 * 60_000,
  });
  const byId = useMemo(() => new Map((query.data?.items ?? []).map((p) => [p.id, p])), [query.data]);
  return { products: query.data?.items ?? [], byId, loading: query.isPending, error: query.error };
}
