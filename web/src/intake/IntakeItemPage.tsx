import { Alert, Box, Button, Grid, Group, Loader, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ORDER_DESK } from '../../../core/auth/roles.ts';
import { DISMISS_REASONS, type DismissReason } from '../../../core/intake/intake-enums.ts';
import type { IntakeDetail } from '../../../core/intake/intake.schemas.ts';
import type { OrderInput } from '../../../core/orders/orders.schemas.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { errorMessage } from '../shared/error-message.ts';
import { type EntrySeed, OrderEntryPage } from '../orders/entry/OrderEntryPage.tsx';
import { OriginalPanel } from './OriginalPanel.tsx';
import { useDraftOrder, useIntakeActions, useIntakeItem } from './use-intake.ts';

/** The draft the entry starts from: the saved draft when there is one, else what was found in the original. */
function seedOf(
  item: IntakeDetail,
  draft:
    | {
        customerId: number;
        requestedDate: string | null;
        customerRef: string | null;
        lines: { productId: number; productCode: string; quantity: number }[];
      }
    | undefined,
): EntrySeed {
  const channel = item.channel === 'fax' ? 'fax' : 'email';
  if (draft)
    return {
      customerId: draft.customerId,
      channel,
      requestedDate: draft.requestedDate,
      customerRef: draft.customerRef ?? '',
      lines: draft.lines.map((l) => ({ productId: l.productId, code: l.productCode, quantity: l.quantity })),
    };
  return {
    customerId: item.customerId,
    channel,
    requestedDate: item.found.requestedDate?.value ?? null,
    customerRef: item.found.customerRef?.value ?? '',
    lines: item.found.lines.flatMap((l) =>
      l.productId !== null && l.productCode !== null && l.quantity !== null
        ? [{ productId: l.productId, code: l.productCode, quantity: l.quantity }]
        : [],
    ),
  };
}

function DismissModal({
  opened,
  onClose,
  onDismiss,
  busy,
}: {
  opened: boolean;
  onClose: () => void;
  onDismiss: (reason: DismissReason, note: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<DismissReason>('not-an-order');
  const [note, setNote] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('intake.dismissTitle')}>
      <Stack>
        <Select
          label={t('intake.dismissReason')}
          data={DISMISS_REASONS.map((r) => ({ value: r, label: t(`intake.dismissReasons.${r}`) }))}
          value={reason}
          onChange={(v) => setReason((v as DismissReason | null) ?? 'not-an-order')}
          data-autofocus
        />
        <TextInput label={t('intake.dismissNote')} value={note} maxLength={500} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => onDismiss(reason, note)} data-testid="intake-dismiss-confirm">
            {t('intake.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * One email or fax: the original on the left, found values marked; on the right the order entry, filled with the
 * draft (or what was found), with its live checks. Ctrl+Enter saves and confirms (the sender gets the
 * acknowledgement), Ctrl+S keeps the draft, Alt+X: "not an order".
 */
export function IntakeItemPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const item = useIntakeItem(id);
  const draft = useDraftOrder(item.data?.orderId ?? null);
  const actions = useIntakeActions(id);
  const [dismissing, setDismissing] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'x') {
        event.preventDefault();
        setDismissing(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (item.error) return <ErrorAlert error={item.error} />;
  if (!item.data || (item.data.orderId !== null && draft.isLoading)) return <Loader size="sm" />;
  const data = item.data;
  const waiting = data.status === 'new' || data.status === 'drafted';

  const submit = async (body: OrderInput, mode: 'confirm' | 'draft') => {
    await actions.draft.mutateAsync({ order: body });
    if (mode === 'draft') {
      notifications.show({ color: 'green', message: t('intake.draftSaved') });
      return;
    }
    try {
      const confirmed = await actions.confirm.mutateAsync();
      notifications.show({ color: 'green', message: t('intake.confirmed', { number: confirmed.orderNumber ?? '' }) });
      void navigate('/intake');
    } catch (error) {
      notifications.show({ color: 'orange', title: t('intake.confirmRefused'), message: errorMessage(error, t) });
      void navigate(`/orders/${data.orderId ?? ''}`);
    }
  };

  const dismiss = (reason: DismissReason, note: string) =>
    actions.dismiss.mutate(
      { reason, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          setDismissing(false);
          notifications.show({ color: 'gray', message: t('intake.dismissed') });
          void navigate('/intake');
        },
      },
    );

  return (
    <Box>
      <Group mb="xs" justify="space-between">
        <Link to="/intake">{t('intake.backToQueue')}</Link>
        {waiting && can(ORDER_DESK) && (
          <Button size="xs" variant="default" color="red" onClick={() => setDismissing(true)} data-testid="intake-dismiss">
            {t('intake.dismiss')} (Alt+X)
          </Button>
        )}
      </Group>
      {actions.dismiss.error && <ErrorAlert error={actions.dismiss.error} />}
      <Grid gutter="sm" align="flex-start">
        <Grid.Col span={{ base: 12, xl: 4 }}>
          <OriginalPanel item={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 8 }}>
          {data.status === 'received' && (
            <Alert color="blue" icon={<Loader size="xs" />}>
              {t('intake.reading')}
            </Alert>
          )}
          {data.status === 'dismissed' && (
            <Alert color="gray">{t('intake.isDismissed', { reason: t(`intake.dismissReasons.${data.dismissReason ?? 'other'}`) })}</Alert>
          )}
          {data.status === 'confirmed' && (
            <Alert color="green">
              <Text size="sm">
                {t('intake.isConfirmed')} <Link to={`/orders/${data.orderId}`}>{data.orderNumber}</Link>
              </Text>
            </Alert>
          )}
          {waiting && can(ORDER_DESK) && (
            <OrderEntryPage
              key={`${data.id}-${data.orderId ?? 'new'}`}
              seed={seedOf(data, draft.data)}
              submit={submit}
              title={t('intake.draftTitle')}
            />
          )}
        </Grid.Col>
      </Grid>
      <DismissModal opened={dismissing} onClose={() => setDismissing(false)} onDismiss={dismiss} busy={actions.dismiss.isPending} />
    </Box>
  );
}
