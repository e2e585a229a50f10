import { Alert, Stack, Text } from '@mantine/core';
import { IconClockHour4, IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/use-format.ts';
import { FindingList } from '../rules/FindingList.tsx';
import { ChangeSummary } from './ChangeSummary.tsx';
import { useOrderChangeRequests } from './use-change-requests.ts';

const LOOK = {
  pending: { color: 'orange', icon: IconClockHour4 },
  approved: { color: 'green', icon: IconCheck },
  refused: { color: 'red', icon: IconX },
} as const;

/**
 * On the order page: the change waiting for a manager (what was asked, by whom, the findings a manager answers), or
 * the manager's last answer and why, so the assistant who asked reads the outcome where she asked.
 */
export function OrderChangeRequestPanel({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const requests = useOrderChangeRequests(orderId);
  const last = requests.data?.items[0];
  if (!last) return null;
  const look = LOOK[last.status];
  const Icon = look.icon;
  return (
    <Alert color={look.color} icon={<Icon size={18} />} title={t(`changes.status.${last.status}`)} data-testid="order-change-request">
      <Stack gap={6}>
        <Text size="xs" c="dimmed">
          {t('changes.askedBy', { name: last.requestedByName ?? '—', at: fmt.dateTime(last.requestedAt) })}
          {last.decidedAt &&
            ` · ${t(`changes.decidedBy.${last.status}`, { name: last.decidedByName ?? '—', at: fmt.dateTime(last.decidedAt) })}`}
        </Text>
        {last.reason && (
          <Text size="sm" fs="italic" data-testid="order-change-request-reason">
            {t('changes.reason', { reason: last.reason })}
          </Text>
        )}
        <ChangeSummary summary={last.summary} />
        {last.status === 'pending' && (
          <FindingList findings={last.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.messages }))} />
        )}
      </Stack>
    </Alert>
  );
}
