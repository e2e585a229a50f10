import { Alert, Anchor, Badge, Button, Grid, Group, Kbd, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ORDER_DESK } from '../../../../core/auth/roles.ts';
import { useAuth } from '../../app/auth.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { OrderDetail } from '../../api/types.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { Field } from '../../shared/Field.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { OrderPenaltySection } from '../../penalties/OrderPenaltySection.tsx';
import { StatusBadge } from '../StatusBadge.tsx';
import { TotalsPanel } from '../TotalsPanel.tsx';
import { DeliveriesTable } from './DeliveriesTable.tsx';
import { OrderActions } from './OrderActions.tsx';
import { OrderDocuments } from './OrderDocuments.tsx';
import { OrderEdiPanel } from '../../edi/OrderEdiPanel.tsx';
import { OrderLinesTable } from './OrderLinesTable.tsx';
import { OrderLinesEditor } from './OrderLinesEditor.tsx';
import { OrderRulesSection } from '../rules/OrderRulesSection.tsx';
import { OrderChangeRequestPanel } from '../changes/OrderChangeRequestPanel.tsx';
import { Timeline } from './Timeline.tsx';

export function OrderDetailPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = Number(useParams().id);
  const [actionError, setActionError] = useState<unknown>(null);
  const order = useQuery({ queryKey: ['orders', id], queryFn: () => api.get<OrderDetail>(`/api/orders/${id}`) });
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  // A draft, a confirmed or a released order changes here until its goods leave (the server says 409 after).
  const mayChange = can(ORDER_DESK) && ['draft', 'confirmed', 'released'].includes(order.data?.status ?? '');
  useEffect(() => {
    if (!mayChange) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (typing || event.ctrlKey || event.metaKey || event.altKey || event.key.toLowerCase() !== 'e') return;
      event.preventDefault();
      setEditing(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [mayChange]);

  if (order.isPending) return <Loader />;
  if (order.error) return <ErrorAlert error={order.error} />;
  const o = order.data;

  return (
    <Stack gap="sm" maw={1400}>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h3" data-testid="order-number">
            {t('detail.title', { number: o.number })}
          </Title>
          <StatusBadge status={o.status} />
        </Group>
        <OrderActions order={o} onError={setActionError} />
      </Group>
      {actionError !== null && <ErrorAlert error={actionError} title={t('detail.refused')} />}
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, md: 4, lg: 7 }} spacing="sm">
          <Field label={t('detail.customer')}>
            <Anchor component={Link} to={`/customers/${o.customerId}`} size="sm">
              {o.customerName}
            </Anchor>
          </Field>
          <Field label={t('detail.deliveryPoint')}>{o.deliveryPointName}</Field>
          <Field label={t('detail.requestedDate')}>{fmt.date(o.requestedDate)}</Field>
          <Field label={t('detail.promisedDate')}>{fmt.date(o.promisedDate)}</Field>
          <Field label={t('detail.customerRef')}>{o.customerRef ?? '—'}</Field>
          <Field label={t('detail.channel')}>{t(`channels.${o.channel}`)}</Field>
          <Field label={t('detail.createdAt')}>{fmt.dateTime(o.createdAt)}</Field>
        </SimpleGrid>
        {o.deliveryRequirement && (
          <Text size="sm" mt="xs" fw={500} data-testid="order-delivery-requirement">
            {t('detail.deliveryRequirement', {
              requirement: t(`deliveryRequirements.${o.deliveryRequirement}`, { defaultValue: o.deliveryRequirement }),
            })}
          </Text>
        )}
        {o.note && (
          <Text size="sm" mt="xs" fs="italic">
            {o.note}
          </Text>
        )}
        {(o.backorderOfOrderId !== null || o.backorders.length > 0) && (
          <Group gap="md" mt="xs" data-testid="order-backorder-links">
            {o.backorderOfOrderId !== null && (
              <Anchor component={Link} to={`/orders/${o.backorderOfOrderId}`} size="sm">
                {t('detail.originalOrder')}
              </Anchor>
            )}
            {o.backorders.map((b) => (
              <Anchor key={b.id} component={Link} to={`/orders/${b.id}`} size="sm">
                {t('detail.backorderOrder', { number: b.number })}
              </Anchor>
            ))}
          </Group>
        )}
      </Paper>
      {o.status === 'cancelled' && (
        <Alert color="red" py="xs">
          {t('detail.cancelledNotice')}
        </Alert>
      )}
      <Grid gutter="sm" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Stack gap="sm">
            <OrderRulesSection order={o} />
            <OrderChangeRequestPanel orderId={o.id} />
            <Paper withBorder p="xs">
              {(mayChange || o.acknowledgementVersion !== null) && (
                <Group justify="space-between" mb={4}>
                  {o.acknowledgementVersion !== null ? (
                    <Badge variant="light" color="gray" tt="none" data-testid="order-acknowledgement-version">
                      {t('detail.acknowledgementVersion', { version: o.acknowledgementVersion })}
                    </Badge>
                  ) : (
                    <span />
                  )}
                  {mayChange && !editing && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      data-testid="order-edit"
                      rightSection={<Kbd size="xs">E</Kbd>}
                      onClick={() => setEditing(true)}
                    >
                      {t('detail.editLines')}
                    </Button>
                  )}
                </Group>
              )}
              {editing ? <OrderLinesEditor order={o} onClose={() => setEditing(false)} /> : <OrderLinesTable order={o} />}
            </Paper>
            <Paper withBorder p="sm">
              <Title order={5} mb="xs">
                {t('detail.deliveries')}
              </Title>
              <DeliveriesTable deliveries={o.deliveries} />
            </Paper>
            <OrderPenaltySection order={o} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Stack gap="sm">
            <TotalsPanel totals={o.totals} charges={o.charges} />
            <OrderDocuments orderId={o.id} customerId={o.customerId} version={o.updatedAt} />
            <OrderEdiPanel orderId={o.id} version={o.updatedAt} />
            <Paper withBorder p="sm">
              <Title order={5} mb="xs">
                {t('detail.timeline')}
              </Title>
              <Timeline orderId={o.id} version={o.updatedAt} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
