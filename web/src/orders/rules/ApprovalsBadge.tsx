import { Badge } from '@mantine/core';
import { usePendingChangeRequests } from '../changes/use-change-requests.ts';
import { useApprovals } from './use-approvals.ts';

/** How many drafts and changes wait for a manager, beside the sidebar's "À valider". */
export function ApprovalsBadge() {
  const approvals = useApprovals();
  const changes = usePendingChangeRequests();
  const total = (approvals.data?.total ?? 0) + (changes.data?.total ?? 0);
  if (total === 0) return null;
  return (
    <Badge size="sm" color="orange" circle={total < 10} data-testid="approvals-count">
      {total}
    </Badge>
  );
}
