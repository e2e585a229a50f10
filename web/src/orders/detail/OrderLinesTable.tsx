import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LineStatus, OrderLine } from '../../../../core/orders/order.ts';
import { useFormat } from '../../shared/use-format.ts';

const LINE_COLORS: Record<LineStatus, string> = { open: 'blue', delivered: 'teal', backordered: 'orange', short_cancelled: 'gray', cancelled: 'red' };

export function OrderLinesTable({ lines }: { lines: readonly OrderLine[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table data-testid="order-detail-lines">
      <Table.Thead style={{ whiteSpace: 'nowrap' }}>
        <Table.Tr>
          <Table.Th w={30}>#</Table.Th>
          <Table.Th>{t('detail.code')}</Table.Th>
          <Table.Th>{t('detail.designation')}</Table.Th>
          <Table.Th ta="right">{t('detail.quantity')}</Table.Th>
          <Table.Th>{t('detail.unit')}</Table.Th>
          <Table.Th ta="right">{t('detail.unitPrice')}</Table.Th>
          <Table.Th ta="right">{t('detail.net')}</Table.Th>
          <Table.Th ta="right">{t('detail.delivered')}</Table.Th>
          <Table.Th w={100}>{t('detail.lineStatus')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody style={{ fontVariantNumeric: 'tabular-nums' }}>
        {lines.map((l) => (
          <Table.Tr key={l.id}>
            <Table.Td c="dimmed">{l.lineNo}</Table.Td>
            <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {l.productCode}
            </Table.Td>
            <Table.Td>
              {l.productName}
              {l.plannedDate && l.status === 'open' && (
                <Text size="xs" c="dimmed">
                  {t('detail.lineLeavesOn', { date: fmt.date(l.plannedDate) })}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{fmt.number(l.quantity)}</Table.Td>
            <Table.Td>{t(`units.${l.saleUnit}`, { count: l.quantity })}</Table.Td>
            <Table.Td ta="right">{fmt.money(l.unitPriceCents)}</Table.Td>
            <Table.Td ta="right">{fmt.money(l.netCents)}</Table.Td>
            <Table.Td ta="right">{l.deliveredQuantity === null ? '—' : fmt.number(l.deliveredQuantity)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Badge size="sm" variant="light" tt="none" color={LINE_COLORS[l.status]}>
                {t(`lineStatus.${l.status}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
