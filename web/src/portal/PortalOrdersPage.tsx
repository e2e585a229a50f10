import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { OrderList } from '../api/types.ts';
import { useFormat } from '../shared/use-format.ts';

/** Her company's orders, newest first (the server keeps the list to her company whatever is asked). */
export function PortalOrdersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const orders = useQuery({ queryKey: ['portal-orders'], queryFn: () => api.get<OrderList>('/api/orders?limit=100') });
  return (
    <Stack gap="md" maw={1000}>
      <Title order={1} size="h2">
        {t('portal.myOrders')}
      </Title>
      <Paper withBorder>
        <Table striped aria-label={t('portal.myOrders')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('portal.number')}</Table.Th>
              <Table.Th>{t('portal.customerRef')}</Table.Th>
              <Table.Th>{t('portal.date')}</Table.Th>
              <Table.Th>{t('portal.status')}</Table.Th>
              <Table.Th>{t('portal.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orders.data?.items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/portal/orders/${o.id}`}>
                    {o.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{o.customerRef ?? '—'}</Table.Td>
                <Table.Td>{fmt.date(o.promisedDate ?? o.requestedDate)}</Table.Td>
                <Table.Td>{t(`orderStatus.${o.status}`)}</Table.Td>
                <Table.Td>{fmt.money(o.totals.grossCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {orders.data?.items.length === 0 && (
          <Text p="md" c="dimmed">
            {t('portal.noOrders')}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
