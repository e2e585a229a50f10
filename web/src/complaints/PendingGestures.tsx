import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconGift } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PendingGestureList } from '../../../core/complaints/complaints.schemas.ts';
import { api } from '../api/client.ts';
import { useFormat } from '../shared/use-format.ts';

/**
 * The gestures promised to the customer after a complaint that no order has taken off yet: she tells him when he
 * calls, and his next order takes them off on its own.
 */
export function PendingGestures({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const gestures = useQuery({
    queryKey: ['customers', customerId, 'gestures'],
    queryFn: () => api.get<PendingGestureList>(`/api/customers/${customerId}/gestures`),
  });
  const items = gestures.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconGift size={16} />}
      title={t('complaints.pendingGestures.title')}
      data-testid="pending-gestures"
      py="xs"
    >
      <Stack gap={4}>
        {items.map((g) => (
          <Text key={g.id} size="sm">
            {t('complaints.pendingGestures.line', { amount: fmt.money(g.amountCents) })}{' '}
            <Anchor component={Link} to={`/complaints/${g.complaintId}`} size="sm">
              {t('complaints.pendingGestures.complaint', { number: g.complaintNumber })}
            </Anchor>
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
