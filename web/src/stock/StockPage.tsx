import { Anchor, Group, Paper, Select, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MASTER_DATA_ADMINS } from '../../../core/auth/roles.ts';
import { api, withQuery } from '../api/client.ts';
import type { StockLevelList, Warehouse } from '../api/types.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { SearchInput } from '../shared/SearchInput.tsx';
import { useFormat } from '../shared/use-format.ts';
import { AvailableCell } from './AvailableCell.tsx';
import { OnHandCell } from './OnHandCell.tsx';
import { PlannedReceipts } from './PlannedReceipts.tsx';

export function StockPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 200);
  const warehouses = useQuery({ queryKey: ['warehouses'], queryFn: () => api.get<Warehouse[]>('/api/warehouses') });
  const stock = useQuery({
    queryKey: ['stock', warehouseId, q],
    queryFn: () => api.get<StockLevelList>(withQuery('/api/stock', { warehouseId, q })),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageTitle title={t('stock.title')} />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="sm" data-testid="warehouses">
        {(warehouses.data ?? []).map((w) => (
          <Paper key={w.id} withBorder p="xs">
            <Group gap="xs">
              <Text fw={600} size="sm">
                {w.name}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {w.code}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {[w.street, [w.postcode, w.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
            </Text>
            {w.gln && (
              <Text size="xs" c="dimmed" ff="monospace">
                GLN {w.gln}
              </Text>
            )}
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder p="xs" mb="sm">
        <Group gap="xs" align="flex-end">
          <Title order={5} mr="md">
            {t('stock.levels')}
          </Title>
          <Select
            w={220}
            label={t('stock.warehouse')}
            clearable
            value={warehouseId}
            onChange={setWarehouseId}
            data={(warehouses.data ?? []).map((w) => ({ value: String(w.id), label: w.name }))}
          />
          <SearchInput
            width={300}
            label={t('stock.product')}
            placeholder={t('products.searchPlaceholder')}
            testId="stock-search"
            value={text}
            onChange={setText}
          />
        </Group>
      </Paper>
      <ErrorAlert error={stock.error ?? warehouses.error} />
      <Paper withBorder>
        <Table striped data-testid="stock-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stock.warehouse')}</Table.Th>
              <Table.Th>{t('products.code')}</Table.Th>
              <Table.Th>{t('products.name')}</Table.Th>
              <Table.Th>{t('products.saleUnit')}</Table.Th>
              <Table.Th ta="right">{t('stock.onHand')}</Table.Th>
              <Table.Th ta="right">{t('stock.reserved')}</Table.Th>
              <Table.Th ta="right">{t('stock.available')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ fontVariantNumeric: 'tabular-nums' }}>
            {stock.data?.items.map((s) => (
              <Table.Tr key={`${s.warehouseId}-${s.productId}`}>
                <Table.Td ff="monospace" title={s.warehouseName} style={{ whiteSpace: 'nowrap' }}>
                  {s.warehouseCode}
                </Table.Td>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={`/products/${s.productId}`} size="sm" ff="monospace">
                    {s.productCode}
                  </Anchor>
                </Table.Td>
                <Table.Td>{s.productName}</Table.Td>
                <Table.Td>{t(`units.${s.saleUnit}`, { count: 2 })}</Table.Td>
                <Table.Td ta="right">{can(MASTER_DATA_ADMINS) ? <OnHandCell row={s} /> : fmt.number(s.onHand)}</Table.Td>
                <Table.Td ta="right">{fmt.number(s.reserved)}</Table.Td>
                <AvailableCell available={s.available} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {stock.data?.items.length === 0 && (
          <Text c="dimmed" size="sm" p="md">
            {t('common.none')}
          </Text>
        )}
      </Paper>
      <PlannedReceipts warehouseId={warehouseId} />
    </>
  );
}
