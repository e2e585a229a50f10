import { Badge } from '@mantine/core';
import { useApprovals } from './use-approvals.ts';

/** How many orders wait for a manager, beside the sidebar's "À valider". */
export function ApprovalsBadge() {
  const approvals = useApprovals();
  const total = approvals.data?.total ?? 0;
  if (total === 0) return null;
  return (
    <Badge size="sm" color="orange" circle={total < 10} data-testid="approvals-count">
      {total}
    </Badge>
  );
}
