import { Text, Timeline as MantineTimeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { AuditEvent } from '../../api/types.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { isShownField, showChangeValue } from './change-value.ts';
import { eventChanges } from './event-changes.ts';
import { timelineNote } from './timeline-note.ts';

export function Timeline({ orderId, version }: { orderId: number; version: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const events = useQuery({
    queryKey: ['orders', orderId, 'events', version],
    queryFn: () => api.get<AuditEvent[]>(`/api/orders/${orderId}/events`),
  });
  if (events.error) return <ErrorAlert error={events.error} />;

  return (
    <MantineTimeline bulletSize={12} lineWidth={2} data-testid="order-timeline">
      {(events.data ?? []).map((e) => {
        const all = eventChanges(e.before, e.after);
        const shown = all.filter((c) => isShownField(c.field));
        return (
          <MantineTimeline.Item key={e.id} title={i18n.exists(`events.${e.action}`) ? t(`events.${e.action}`) : e.action}>
            <Text size="xs" c="dimmed">
              {fmt.dateTime(e.at)} · {e.userName ?? t('detail.system')}
            </Text>
            {shown.map((c) => (
              <Text size="xs" key={c.field}>
                {t('detail.change', {
                  field: t(`fields.${c.field}`),
                  from: showChangeValue(c.field, c.from, t, fmt),
                  to: showChangeValue(c.field, c.to, t, fmt),
                })}
              </Text>
            ))}
            {all.length > shown.length && (
              <Text size="xs" c="dimmed">
                {t('detail.moreChanges', { count: all.length - shown.length })}
              </Text>
            )}
            {e.notes.map((n, i) => (
              <Text size="xs" fs="italic" key={i} data-testid="timeline-note">
                {timelineNote(n, t, fmt)}
              </Text>
            ))}
            {e.note && (
              <Text size="xs" fs="italic">
                {e.note}
              </Text>
            )}
          </MantineTimeline.Item>
        );
      })}
    </MantineTimeline>
  );
}
