import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../shared/use-format.ts';
import type { PenaltyNotice } from './types.ts';

export const STATUS_COLORS: Record<string, string> = { received: 'blue', contested: 'orange', settled: 'green', withdrawn: 'gray' };

/** The date that matters now: the contest deadline of a notice received, the follow-up of one contested; red once past. */
export function DueDate({ notice }: { notice: PenaltyNotice }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (notice.due === 'none')
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const date = notice.status === 'received' ? notice.contestDeadline : notice.reminderDate;
  const label = notice.status === 'received' ? t('penalties.contestBy') : t('penalties.followUp');
  return (
    <Text
      size="sm"
      c={notice.due === 'overdue' ? 'red' : notice.due === 'soon' ? 'orange.8' : undefined}
      fw={notice.due === 'later' ? undefined : 600}
      data-due={notice.due}
    >
      {label} {fmt.date(date)}
      {notice.due === 'overdue' && ` (${t('penalties.overdue')})`}
    </Text>
  );
}
