import { Anchor, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { LotTrace } from '../../../core/complaints/lot-trace.schemas.ts';
import { api, withQuery } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Field } from '../shared/Field.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';

/** A recall's first question in one screen: every delivery and customer the lot reached, and what is left in stock. */
export function LotTracePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lot = useParams().lot ?? '';
  const productId = useSearchParams()[0].get('productId') ?? undefined;
  const trace = useQuery({
    queryKey: ['lots', lot, productId],
    queryFn: () => api.get<LotTrace>(withQuery(`/api/lots/${encodeURIComponent(lot)}/trace`, { productId })),
  });
  if (trace.isPending) return <Loader />;
  if (trace.error) return <ErrorAlert error={trace.error} />;
  const tr = trace.data;
  return (
    <Stack gap="sm" maw={1400} data-testid="lot-trace">
      <PageTitle title={t('lots.title', { lot: tr.lot })} />
      <Paper withBorder p="sm">
        <SimpleGrid cols={3}>
          <Field label={t('lots.customers')}>
            <span data-testid="lot-customer-count">{tr.customerCount}</span>
          </Field>
          <Field label={t('lots.deliveries')}>{tr.deliveries.length}</Field>
          <Field label={t('lots.shipped')}>{fmt.number(tr.shippedQuantity)}</Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="sm">
        <Title order={5} mb="xs">
          {t('lots.deliveries')}
        </Title>
        {tr.deliveries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('lots.noDeliveries')}
          </Text>
        ) : (
          <Table data-testid="lot-deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('lots.customer')}</Table.Th>
                <Table.Th>{t('lots.order')}</Table.Th>
                <Table.Th>{t('lots.delivery')}</Table.Th>
                <Table.Th>{t('lots.product')}</Table.Th>
                <Table.Th ta="right">{t('lots.quantity')}</Table.Th>
                <Table.Th>{t('lots.deliveredOn')}</Table.Th>
                <Table.Th>{t('lots.bestBefore')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tr.deliveries.map((d, i) => (
                <Table.Tr key={`${d.deliveryId}-${i}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${d.customerId}`} size="sm">
                      {d.customerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/orders/${d.orderId}`} size="sm">
                      {d.orderNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ff="monospace">{d.deliveryNumber}</Table.Td>
                  <Table.Td ff="monospace">{d.productCode}</Table.Td>
                  <Table.Td ta="right">{fmt.number(d.quantity)}</Table.Td>
                  <Table.Td>{fmt.date(d.deliveredAt ?? d.shippedAt)}</Table.Td>
                  <Table.Td>{fmt.date(d.bestBefore)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder p="sm" data-testid="lot-stock">
        <Title order={5} mb="xs">
          {t('lots.stock')}
        </Title>
        {tr.stock.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('lots.noStock')}
          </Text>
        ) : (
          tr.stock.map((s) => (
            <Group key={`${s.warehouseCode}-${s.productCode}`} gap="md">
              <Text size="sm">{s.warehouseName}</Text>
              <Text size="sm" ff="monospace">
                {s.productCode}
              </Text>
              <Text size="sm">{fmt.number(s.quantity)}</Text>
              <Text size="sm">{t('lots.bestBeforeOn', { date: fmt.date(s.bestBefore) })}</Text>
            </Group>
          ))
        )}
      </Paper>
    </Stack>
  );
}
