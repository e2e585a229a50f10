import { Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_DESK } from '../../../../core/auth/roles.ts';
import type { OrderAction } from '../../../../core/orders/lifecycle.ts';
import { api } from '../../api/client.ts';
import type { OrderDetail } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { translatedFieldErrors } from '../../shared/field-message.ts';
import { CancelModal, ShipModal } from './ActionModals.tsx';
import { DeliverModal } from './DeliverModal.tsx';

const COLORS: Record<OrderAction, string> = {
  confirm: 'blue',
  release: 'indigo',
  ship: 'violet',
  deliver: 'teal',
  close: 'dark',
  cancel: 'red',
};

/** The moves the order's status allows (from core's transition table, as the server computed them). */
export function OrderActions({ order, onError }: { order: OrderDetail; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'ship' | 'deliver' | 'cancel' | null>(null);

  const move = useMutation({
    mutationFn: ({ action, body }: { action: OrderAction; body?: Record<string, unknown> }) =>
      api.post<OrderDetail>(`/api/orders/${order.id}/${action}`, body),
    onMutate: () => onError(null),
    onSuccess: (updated) => {
      setDialog(null);
      queryClient.setQueryData(['orders', order.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['orders', 'list'] });
    },
    onError: (error) => {
      onError(error);
      // Refused because someone else moved the order meanwhile: show where it really is now.
      void queryClient.invalidateQueries({ queryKey: ['orders', order.id] });
    },
  });

  if (!can(ORDER_DESK)) return null;
  const fieldErrorsNow = translatedFieldErrors(move.error, t);
  const run = (action: OrderAction, body?: Record<string, unknown>) => move.mutate({ action, body });
  const start = (action: OrderAction) =>
    action === 'ship' || action === 'deliver' || action === 'cancel' ? setDialog(action) : run(action);

  return (
    <>
      <Group gap="xs" data-testid="order-actions">
        {order.availableActions.map((action) => (
          <Button
            key={action}
            size="xs"
            color={COLORS[action]}
            variant={action === 'cancel' ? 'outline' : 'filled'}
            loading={move.isPending && move.variables?.action === action}
            data-testid={`order-action-${action}`}
            onClick={() => start(action)}
          >
            {t(`actions.${action}`)}
          </Button>
        ))}
      </Group>
      <ShipModal
        due={order.promisedDate ?? order.requestedDate}
        opened={dialog === 'ship'}
        busy={move.isPending}
        errors={fieldErrorsNow}
        onClose={() => setDialog(null)}
        onSubmit={(body) => run('ship', body)}
      />
      <CancelModal
        opened={dialog === 'cancel'}
        busy={move.isPending}
        errors={fieldErrorsNow}
        onClose={() => setDialog(null)}
        onSubmit={(body) => run('cancel', body)}
      />
      <DeliverModal
        opened={dialog === 'deliver'}
        busy={move.isPending}
        lines={order.lines}
        onClose={() => setDialog(null)}
        onSubmit={(body) => run('deliver', body)}
      />
    </>
  );
}
