import { Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { OrderDetail } from '../api/types.ts';
import { PenaltyFigures } from './PenaltyFigures.tsx';
import type { DeliveryPenalty, OrderExposure } from './types.ts';

const OPEN = ['confirmed', 'released', 'shipped'];

/**
 * On an order: the penalty of each delivered delivery that was late or short, and, while the order is still to be
 * delivered, what a slip of N days would expose (late but complete), beside leaving on time without the last line.
 */
export function OrderPenaltySection({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const delivered = order.deliveries.filter((d) => d.status === 'delivered');
  const estimates = useQueries({
    queries: delivered.map((d) => ({
      queryKey: ['penalty', 'delivery', d.id],
      queryFn: () => api.get<DeliveryPenalty>(`/api/deliveries/${d.id}/penalty`),
    })),
  });
  const failed = estimates
    .map((q) => q.data)
    .filter((e): e is DeliveryPenalty =>
      Boolean(e && (e.daysLate > 0 || e.basis.some((b) => b.kind === 'missing' || b.kind === 'tolerated'))),
    );
  const open = OPEN.includes(order.status);
  if (!open && failed.length === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="order-penalties">
      <Title order={5} mb="xs">
        {t('penalties.orderTitle')}
      </Title>
      <Stack gap="sm">
        {failed.map((e) => (
          <div key={e.deliveryId}>
            <Text size="sm" fw={500} mb={4}>
              {t('penalties.deliveryEstimate', { number: e.deliveryNumber })}
            </Text>
            <PenaltyFigures estimate={e} testId="delivery-penalty" />
          </div>
        ))}
        {open && <Exposure order={order} />}
      </Stack>
    </Paper>
  );
}

function Exposure({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const [days, setDays] = useState(1);
  const last = order.lines.at(-1);
  const short = last ? `&short=${last.id}:${last.quantity}` : '';
  const exposure = useQuery({
    queryKey: ['penalty', 'exposure', order.id, days, short],
    queryFn: () => api.get<OrderExposure>(`/api/orders/${order.id}/penalty-exposure?daysLate=${days}${short}`),
  });
  const x = exposure.data;
  if (x && !x.hasClause) {
    return (
      <Text size="sm" c="dimmed">
        {t('penalties.noClause')}
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="order-exposure">
      <div>
        <Group gap="xs" mb={4} align="flex-end">
          <Text size="sm" fw={500}>
            {t('penalties.ifLate')}
          </Text>
          <NumberInput
            size="xs"
            w={70}
            min={0}
            max={60}
            value={days}
            onChange={(v) => setDays(Number(v) || 0)}
            aria-label={t('penalties.daysLate')}
          />
          <Text size="sm">{t('penalties.days')}</Text>
        </Group>
        {x && <PenaltyFigures estimate={x.late} />}
      </div>
      {x?.short && last && (
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('penalties.ifShort', { code: last.productCode, quantity: last.quantity })}
          </Text>
          <PenaltyFigures estimate={x.short} />
        </div>
      )}
    </SimpleGrid>
  );
}
