import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../../core/orders/lifecycle.ts';

const COLORS: Record<OrderStatus, string> = {
  draft: 'gray',
  confirmed: 'blue',
  released: 'indigo',
  shipped: 'violet',
  delivered: 'teal',
  closed: 'dark',
  cancelled: 'red',
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" size="sm" data-testid="order-status">
      {t(`orderStatus.${status}`)}
    </Badge>
  );
}
