import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComplaintStatus } from '../../../core/complaints/complaint.ts';

const COLOR: Record<ComplaintStatus, string> = { open: 'red', answered: 'orange', resolved: 'green', refused: 'gray', closed: 'dark' };

export function ComplaintStatusBadge({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" style={{ flexShrink: 0, overflow: 'visible' }} data-testid="complaint-status">
      {t(`complaints.statuses.${status}`)}
    </Badge>
  );
}
