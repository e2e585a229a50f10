import { useQuery } from '@tanstack/react-query';
import type { CallScriptList } from '../../../core/scripts/call-scripts.schemas.ts';
import { api } from '../api/client.ts';

/** Every typology's scripts: one small list, read once and shared by the call screens. */
export function useCallScripts() {
  return useQuery({
    queryKey: ['call-scripts'],
    queryFn: () => api.get<CallScriptList>('/api/call-scripts'),
    staleTime: 5 * 60_000,
  });
}
