import { Group, Pagination, Paper, Select, Table, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { CHANNELS } from '../../../core/customers/customer.ts';
import { ORDER_STATUSES } from '../../../core/orders/lifecycle.ts';
import { api, withQuery } from '../api/client.ts';
import type { OrderList, OrderSummary } from '../api/types.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { SearchInput } from '../shared/SearchInput.tsx';
import { useFormat } from '../shared/use-format.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { useCustomerOptions } from './use-customer-options.ts';
import { actionRow } from '../shared/action-row.ts';

const PAGE_SIZE = 50;

/** The orders, filtered in the address bar so a filtered list can be bookmarked or linked to. */
export function OrdersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(text.trim(), 250);
  const customers = useCustomerOptions();
  const page = Number(params.get('page') ?? '1');
  const filters = {
    q: params.get('q'),
    status: params.get('status'),
    customerId: params.get('customerId'),
    channel: params.get('channel'),
    from: params.get('from'),
    to: params.get('to'),
  };

  const setFilter = (name: string, value: string | null) =>
    setParams(
      (p) => {
        if (value) p.set(name, value);
        else p.delete(name);
        if (name !== 'page') p.delete('page'); // a new filter starts again on its first page
        return p;
      },
      { replace: true },
    );

  // The search joins the other filters in the address bar once she stops typing.
  useEffect(() => {
    if (q !== (params.get('q') ?? '')) setFilter('q', q);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the debounced text changes, not on every address change
  }, [q]);

  const orders = useQuery({
    queryKey: ['orders', 'list', filters, page],
    queryFn: () => api.get<OrderList>(withQuery('/api/orders', { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });
  const open = (order: OrderSummary) => void navigate(`/orders/${order.id}`);

  return (
    <>
      <PageTitle title={t('orders.title')} />
      <Paper withBorder p="xs" mb="sm">
        <Group gap="xs" align="flex-end" wrap="wrap">
          <SearchInput
            width={220}
            autoFocus={false}
            label={t('orders.search')}
            placeholder={t('orders.searchPlaceholder')}
            testId="orders-search"
            value={text}
            onChange={setText}
          />
          <Select
            w={150}
            label={t('orders.status')}
            clearable
            value={filters.status}
            data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))}
            onChange={(v) => setFilter('status', v)}
          />
          <Select
            w={260}
            label={t('orders.customer')}
            clearable
            searchable
            value={filters.customerId}
            data={customers}
            onChange={(v) => setFilter('customerId', v)}
          />
          <Select
            w={130}
            label={t('orders.channel')}
            clearable
            value={filters.channel}
            data={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
            onChange={(v) => setFilter('channel', v)}
          />
          <DatePickerInput
            size="xs"
            w={240}
            type="range"
            label={t('orders.requestedBetween')}
            clearable
            valueFormat="DD/MM/YYYY"
            value={[filters.from, filters.to]}
            onChange={([from, to]) =>
              setParams((p) => {
                for (const [name, value] of [
                  ['from', from],
                  ['to', to],
                ] as const) {
                  if (value) p.set(name, value);
                  else p.delete(name);
                }
                p.delete('page');
                return p;
              })
            }
          />
        </Group>
      </Paper>
      <ErrorAlert error={orders.error} />
      <Paper withBorder>
        <Table highlightOnHover striped data-testid="orders-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.number')}</Table.Th>
              <Table.Th>{t('orders.customer')}</Table.Th>
              <Table.Th>{t('orders.customerRef')}</Table.Th>
              <Table.Th>{t('orders.channel')}</Table.Th>
              <Table.Th>{t('orders.requestedDate')}</Table.Th>
              <Table.Th>{t('orders.status')}</Table.Th>
              <Table.Th ta="right">{t('orders.net')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orders.data?.items.map((o) => (
              <Table.Tr key={o.id} {...actionRow(() => open(o))}>
                <Table.Td fw={500} ff="monospace">
                  {o.number}
                </Table.Td>
                <Table.Td>{o.customerName}</Table.Td>
                <Table.Td>{o.customerRef ?? ''}</Table.Td>
                <Table.Td>{t(`channels.${o.channel}`)}</Table.Td>
                <Table.Td>{fmt.date(o.requestedDate)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={o.status} />
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {fmt.money(o.totals.netCents)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {orders.data && orders.data.items.length === 0 && (
          <Text c="dimmed" size="sm" p="md">
            {t('orders.none')}
          </Text>
        )}
      </Paper>
      {orders.data && orders.data.total > PAGE_SIZE && (
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            {t('common.count', { count: orders.data.total })}
          </Text>
          <Pagination
            size="sm"
            total={Math.ceil(orders.data.total / PAGE_SIZE)}
            value={page}
            onChange={(p) => setFilter('page', String(p))}
          />
        </Group>
      )}
    </>
  );
}
