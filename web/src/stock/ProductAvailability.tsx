import { Group, NumberInput, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../api/client.ts';
import type { Warehouse } from '../api/types.ts';
import type { AvailabilityAnswer } from '../risks/types.ts';
import { parisToday } from '../shared/clock.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormat } from '../shared/use-format.ts';
import { DateField } from '../shared/DateField.tsx';

/** What can be promised of the product on a date, per warehouse, and when a quantity would be complete. */
export function ProductAvailability({ productId }: { productId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [date, setDate] = useState(parisToday());
  const [quantity, setQuantity] = useState<number | string>('');
  const warehouses = useQuery({ queryKey: ['warehouses'], queryFn: () => api.get<Warehouse[]>('/api/warehouses') });
  const atp = useQuery({
    queryKey: ['availability', productId, date, quantity],
    queryFn: () =>
      api.get<AvailabilityAnswer>(
        withQuery('/api/availability', { productId, date, quantity: Number(quantity) > 0 ? Number(quantity) : null }),
      ),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
  const name = (id: number) => warehouses.data?.find((w) => w.id === id)?.name ?? id;
  const a = atp.data;
  return (
    <Paper withBorder p="sm" data-testid="product-availability">
      <Title order={5} mb="xs">
        {t('availability.title')}
      </Title>
      <Group gap="xs" align="flex-end" mb="xs">
        <DateField label={t('availability.date')} value={date} onChange={(v) => setDate(v)} w={170} />
        <NumberInput label={t('availability.quantity')} min={1} value={quantity} onChange={setQuantity} w={130} />
      </Group>
      <ErrorAlert error={atp.error} />
      {a && (
        <>
          <Text size="sm">
            {t('availability.promisable', { quantity: fmt.number(a.promisable), date: fmt.date(a.date) })}
            {' · '}
            {a.earliestCompleteDate
              ? t('availability.earliest', { quantity: fmt.number(a.quantity ?? a.promisable + 1), date: fmt.date(a.earliestCompleteDate) })
              : t('availability.never', { quantity: fmt.number(a.quantity ?? a.promisable + 1) })}
          </Text>
          <Table mt="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stock.warehouse')}</Table.Th>
                <Table.Th ta="right">{t('stock.onHand')}</Table.Th>
                <Table.Th ta="right">{t('stock.reserved')}</Table.Th>
                <Table.Th ta="right">{t('availability.orders')}</Table.Th>
                <Table.Th ta="right">{t('availability.receipts')}</Table.Th>
                <Table.Th ta="right">{t('availability.promisableShort')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.byWarehouse.map((w) => (
                <Table.Tr key={w.warehouseId}>
                  <Table.Td>{name(w.warehouseId)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(w.onHand)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(w.reserved)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(w.reservations)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(w.receipts)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {fmt.number(w.promisable)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Paper>
  );
}
