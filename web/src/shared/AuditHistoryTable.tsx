import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AuditEvent } from '../../../core/orders/orders.schemas.ts';
import { useFormat } from './use-format.ts';

/**
 * The audit read back on a screen: one row per change, newest first — when, who, what was done, what it was about
 * and the record "before ⟶ after" as the screen words it. Each screen says how its records read (`describe`) and
 * names its actions; the table is the same everywhere.
 */
export function AuditHistoryTable<State>({
  events,
  describe,
  change,
  action,
  subject,
  limit = 30,
  compact = false,
  testId,
}: {
  events: readonly AuditEvent[];
  /** A record as it stood before or after the change, in words: shown "before ⟶ after". */
  describe?: (state: State) => ReactNode;
  /** Or the change itself in words, where before and after are long lists (what was added, what removed). */
  change?: (before: State | null, after: State | null) => ReactNode;
  /** The action's name (create, update, delete…) in the screen's words. */
  action: (action: string) => string;
  /** What the change was about (a product code…) when the history covers several records. */
  subject?: (state: State) => ReactNode;
  limit?: number;
  /** In a narrow side panel: who, when and what on one line, the change under it. */
  compact?: boolean;
  testId: string;
}) {
  const fmt = useFormat();
  return (
    <Table fz="xs" verticalSpacing={2} data-testid={testId}>
      <Table.Tbody>
        {events.slice(0, limit).map((e) => {
          const before = e.before as State | null;
          const after = e.after as State | null;
          const either = after ?? before;
          const what = change ? (
            change(before, after)
          ) : (
            <>
              {before && describe?.(before)}
              {before && after && ' ⟶ '}
              {after && describe?.(after)}
            </>
          );
          if (compact)
            return (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {fmt.dateTime(e.at)} · {e.userName ?? '—'} · {action(e.action)}
                    {subject && either && (
                      <Text span ff="monospace" size="xs">
                        {' '}
                        {subject(either)}
                      </Text>
                    )}
                  </Text>
                  <Text size="xs">{what}</Text>
                </Table.Td>
              </Table.Tr>
            );
          return (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(e.at)}</Table.Td>
              <Table.Td>{e.userName ?? '—'}</Table.Td>
              <Table.Td>{action(e.action)}</Table.Td>
              {subject && (
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {either && subject(either)}
                </Table.Td>
              )}
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
