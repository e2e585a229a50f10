import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChangeRequest } from '../../api/types.ts';
import { useFormat } from '../../shared/use-format.ts';

/** What a change asks, line by line (before → after; an added line has no before, a removed one no after) and in the header. */
export function ChangeSummary({ summary }: { summary: ChangeRequest['summary'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qty = (q: number | null, unit: string) => (q === null ? '—' : `${fmt.number(q)} ${t(`units.${unit}`, { count: q })}`);
  return (
    <Stack gap={4}>
      {summary.lines.length > 0 && (
        <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" data-testid="change-summary-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>#</Table.Th>
              <Table.Th>{t('changes.product')}</Table.Th>
              <Table.Th ta="right">{t('changes.before')}</Table.Th>
              <Table.Th ta="right">{t('changes.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.lines.map((l, i) => (
              <Table.Tr key={i} data-testid={`change-summary-${l.productCode}`}>
                <Table.Td c="dimmed">{l.lineNo ?? '+'}</Table.Td>
                <Table.Td>
                  <Text size="xs">
                    <Text span ff="monospace" size="xs">
                      {l.productCode}
                    </Text>{' '}
                    {l.productName}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="xs">{qty(l.before, l.saleUnit)}</Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="xs" fw={600}>
                    {l.after === null ? t('changes.removed') : qty(l.after, l.saleUnit)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {summary.requestedDate && (
        <Text size="xs">
          {t('changes.field', {
            field: t('changes.date'),
            from: fmt.date(summary.requestedDate.before),
            to: fmt.date(summary.requestedDate.after),
          })}
        </Text>
      )}
      {summary.deliveryPoint && (
        <Text size="xs">
          {t('changes.field', {
            field: t('changes.deliveryPoint'),
            from: summary.deliveryPoint.before ?? '—',
            to: summary.deliveryPoint.after ?? '—',
          })}
        </Text>
      )}
      {summary.note && (
        <Text size="xs">
          {t('changes.field', { field: t('changes.note'), from: summary.note.before ?? '—', to: summary.note.after ?? '—' })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('changes.field', {
          field: t('changes.net'),
          from: fmt.money(summary.netCents.before ?? 0),
          to: fmt.money(summary.netCents.after ?? 0),
        })}
      </Text>
    </Stack>
  );
}
