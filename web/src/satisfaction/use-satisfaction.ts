import { useQuery } from '@tanstack/react-query';
import type {
  SatisfactionDueList,
  SatisfactionGuideList,
  SatisfactionInterviewList,
} from '../../../core/satisfaction/satisfaction.schemas.ts';
import { api } from '../api/client.ts';

export function useSatisfactionGuides() {
  return useQuery({
    queryKey: ['satisfaction', 'guides'],
    queryFn: () => api.get<SatisfactionGuideList>('/api/satisfaction/guides'),
    staleTime: 5 * 60_000,
  });
}

export function useSatisfactionDue() {
  return useQuery({
    queryKey: ['satisfaction', 'due'],
    queryFn: () => api.get<SatisfactionDueList>('/api/satisfaction/due'),
  });
}

export function useCustomerInterviews(customerId: number) {
  return useQuery({
    queryKey: ['satisfaction', 'customer', customerId],
    queryFn: () => api.get<SatisfactionInterviewList>(`/api/customers/${customerId}/satisfaction`),
  });
}
