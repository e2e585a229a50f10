import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { documentUrl } from '../api/documents.ts';
import { useOrderDocuments } from '../documents/use-order-documents.ts';
import type { OrderDetail } from '../api/types.ts';
import { errorMessage } from '../shared/error-message.ts';
import { useFormat } from '../shared/use-format.ts';
import { useLanguage } from '../shared/use-language.ts';

/** One of her orders: its lines, where it stands, its deliveries and its documents to download; reorder it. */
export function PortalOrderDetailPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const orderId = Number(useParams().id);
  const order = useQuery({ queryKey: ['orders', orderId], queryFn: () => api.get<OrderDetail>(`/api/orders/${orderId}`) });
  const { waiting, documents } = useOrderDocuments(orderId, order.data?.updatedAt ?? '');
  const lang = useLanguage();
  if (order.isPending) return <Text>{t('common.loading')}</Text>;
  if (!order.data) return <Alert color="red">{errorMessage(order.error, t)}</Alert>;
  const o = order.data;
  return (
    <Stack gap="md" maw={1000}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('portal.orderNumber', { number: o.number })}
        </Title>
        <Button component={Link} to={`/portal?reorder=${o.id}`}>
          {t('portal.reorder')}
        </Button>
      </Group>
      <Text>
        {t(`orderStatus.${o.status}`)} · {o.deliveryPointName} ·{' '}
        {t('portal.deliveryOn', { date: fmt.date(o.promisedDate ?? o.requestedDate) })}
      </Text>
      {o.status === 'draft' && <Alert color="blue">{t('portal.waitsForDesk')}</Alert>}
      {o.findings.map((f, i) => (
        <Alert key={i} color="yellow" p="xs">
          {f.messages[lang]}
        </Alert>
      ))}
      <Paper withBorder>
        <Table aria-label={t('portal.lines')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('portal.product')}</Table.Th>
              <Table.Th>{t('portal.quantity')}</Table.Th>
              <Table.Th>{t('portal.price')}</Table.Th>
              <Table.Th>{t('portal.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.productName}</Table.Td>
                <Table.Td>{l.quantity}</Table.Td>
                <Table.Td>{fmt.money(l.unitPriceCents)}</Table.Td>
                <Table.Td>{fmt.money(l.netCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text p="sm" fw={700} ta="right">
          {t('portal.total', { amount: fmt.money(o.totals.grossCents) })}
        </Text>
      </Paper>
      {o.deliveries.length > 0 && (
        <Paper withBorder p="sm">
          <Title order={2} size="h4">
            {t('portal.deliveries')}
          </Title>
          {o.deliveries.map((d) => (
            <Stack key={d.id} gap={4} mt="xs">
              <Text size="sm">
                {d.number} · {t(`deliveryStatus.${d.status}`)} · {fmt.date(d.deliveredAt ?? d.plannedDate)}
              </Text>
              {d.status === 'delivered' && <DeliveredLines orderId={o.id} delivery={d} />}
            </Stack>
          ))}
        </Paper>
      )}
      <Paper withBorder p="sm">
        <Title order={2} size="h4">
          {t('portal.documents')}
        </Title>
        {documents.data?.length === 0 && !waiting.length && <Text c="dimmed">{t('portal.noDocuments')}</Text>}
        {waiting.map((p) => (
          <Text key={`${p.kind}-${p.version}`} size="sm" c="dimmed">
            {t(`documents.kinds.${p.kind}`)} — {t('documents.preparing')}
          </Text>
        ))}
        {documents.data?.map((d) => (
          <Anchor key={d.id} href={documentUrl(d.id)} download={d.filename} display="block">
            {d.filename}
          </Anchor>
        ))}
      </Paper>
    </Stack>
  );
}

/** What a delivery brought, each line with its way to say something was wrong with it (a complaint). */
function DeliveredLines({ orderId, delivery }: { orderId: number; delivery: OrderDetail['deliveries'][number] }) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t('portal.deliveredLines', { number: delivery.number })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('portal.product')}</Table.Th>
          <Table.Th>{t('portal.delivered')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {delivery.lines.map((l) => (
          <Table.Tr key={l.id}>
            <Table.Td>{l.productName}</Table.Td>
            <Table.Td>{l.deliveredQuantity ?? l.quantity}</Table.Td>
            <Table.Td ta="right">
              <Button
                component={Link}
                to={`/portal/orders/${orderId}/complaint?delivery=${delivery.id}&line=${l.orderLineId}`}
                size="compact-sm"
                variant="light"
                color="orange"
                aria-label={t('portal.complaints.reportOn', { product: l.productName })}
              >
                {t('portal.complaints.report')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
