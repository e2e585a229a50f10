import { useQuery } from '@tanstack/react-query';
import type { PortalCatalogue } from '../../../core/orders/portal.schemas.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';

/** The buyer's catalogue: her delivery points, her products at her prices, today's promotions. */
export function usePortalCatalogue() {
  const { user } = useAuth();
  return useQuery({
    queryKey: ['portal-catalogue', user?.customerId],
    queryFn: () => api.get<PortalCatalogue>(`/api/customers/${user!.customerId}/catalogue`),
    enabled: !!user?.customerId,
  });
}
