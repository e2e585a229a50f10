import { Badge } from '@mantine/core';
import { useEdiQueueCount } from './use-edi.ts';

/** How many EDI messages wait for the desk, beside the sidebar's "EDI à traiter". */
export function EdiBadge() {
  const count = useEdiQueueCount().data?.count ?? 0;
  if (count === 0) return null;
  return (
    <Badge size="sm" color="orange" circle={count < 10} data-testid="edi-count">
      {count}
    </Badge>
  );
}
