import { Button, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { COMPLAINT_CHANNELS, COMPLAINT_REASONS, MOODS } from '../../../core/complaints/complaint.ts';
import type { ComplaintDetail } from '../../../core/complaints/complaints.schemas.ts';
import { api } from '../api/client.ts';
import type { OrderDetail } from '../api/types.ts';
import { useCustomer } from '../customers/use-customer.ts';
import { CustomerPicker } from '../orders/entry/CustomerPicker.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { claimableLines, complaintBody, type ComplaintForm, emptyComplaintForm } from './complaint-form.ts';

const idParam = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : null);

/**
 * A complaint recorded in under a minute from where it happened (an order, one of its deliveries, or the customer
 * page when the customer cannot say which), with the keyboard: the reason first, the quantities of the lines
 * concerned, his words, and Ctrl+Enter.
 */
export function ComplaintFormPage() {
  const [params] = useSearchParams();
  const orderId = idParam(params.get('orderId'));
  const deliveryId = idParam(params.get('deliveryId'));
  const order = useQuery({
    queryKey: ['orders', orderId],
    queryFn: () => api.get<OrderDetail>(`/api/orders/${orderId}`),
    enabled: orderId !== null,
  });
  const customerId = orderId !== null ? (order.data?.customerId ?? null) : idParam(params.get('customerId'));
  const customer = useCustomer(customerId);
  if (orderId === null && customerId === null) return <ChooseCustomer />;
  if (order.error || customer.error) return <ErrorAlert error={order.error ?? customer.error} />;
  if ((orderId !== null && !order.data) || !customer.data) return <Loader />;
  return <Form customerId={customer.data.id} customerName={customer.data.name} order={order.data ?? null} deliveryId={deliveryId} />;
}

/** Opened from the complaints list: the customer first, found as in the order entry; then the form for him. */
function ChooseCustomer() {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <Stack gap="sm" maw={700}>
      <PageTitle title={t('complaints.new')} />
      <Paper withBorder p="sm">
        <Text size="sm" c="dimmed" mb={4}>
          {t('complaints.whichCustomer')}
        </Text>
        <CustomerPicker
          inputRef={input}
          chosen={null}
          onChoose={(c) => setParams({ customerId: String(c.id) }, { replace: true })}
          onPending={() => undefined}
        />
      </Paper>
    </Stack>
  );
}

function Form(props: { customerId: number; customerName: string; order: OrderDetail | null; deliveryId: number | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ComplaintForm>(emptyComplaintForm);
  const delivery = props.order?.deliveries.find((d) => d.id === props.deliveryId) ?? null;
  const lines = props.order ? claimableLines(props.order, delivery?.id ?? null) : [];
  const { busy, errors, generalError, submit, handleSubmit } = useSubmit(
    () =>
      api.post<ComplaintDetail>(
        '/api/complaints',
        complaintBody(form, { customerId: props.customerId, orderId: props.order?.id ?? null, deliveryId: delivery?.id ?? null }),
      ),
    (created) => {
      void queryClient.invalidateQueries({ queryKey: ['complaints'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void navigate(`/complaints/${created.id}`);
    },
  );
  const set = <K extends keyof ComplaintForm>(key: K, value: ComplaintForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };
  const where = delivery
    ? t('complaints.fromDelivery', { number: delivery.number, date: fmt.date(delivery.deliveredAt ?? delivery.plannedDate) })
    : props.order
      ? t('complaints.fromOrder', { number: props.order.number })
      : null;

  return (
    <form onSubmit={handleSubmit} onKeyDown={onKeyDown} data-testid="complaint-form">
      <Stack gap="sm" maw={1100}>
        <PageTitle title={t('complaints.newFor', { customer: props.customerName })}>{where && <Text c="dimmed">{where}</Text>}</PageTitle>
        <ErrorAlert error={generalError} />
        <Paper withBorder p="sm">
          <SimpleGrid cols={{ base: 1, md: 4 }} spacing="sm">
            <NativeSelect
              label={t('complaints.reason')}
              data-autofocus
              autoFocus
              data-testid="complaint-reason"
              value={form.reason}
              error={errors.reason}
              onChange={(e) => set('reason', e.currentTarget.value as ComplaintForm['reason'])}
              data={[{ value: '', label: '—' }, ...COMPLAINT_REASONS.map((r) => ({ value: r, label: t(`complaints.reasons.${r}`) }))]}
            />
            <NativeSelect
              label={t('complaints.channel')}
              value={form.channel}
              onChange={(e) => set('channel', e.currentTarget.value as ComplaintForm['channel'])}
              data={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: t(`complaints.channels.${c}`) }))}
            />
            <NativeSelect
              label={t('complaints.mood')}
              data-testid="complaint-mood"
              value={form.mood}
              onChange={(e) => set('mood', e.currentTarget.value as ComplaintForm['mood'])}
              data={[{ value: '', label: '—' }, ...MOODS.map((m) => ({ value: m, label: t(`complaints.moods.${m}`) }))]}
            />
            <NativeSelect
              label={t('complaints.reserves')}
              data-testid="complaint-reserves"
              value={form.reserves}
              onChange={(e) => set('reserves', e.currentTarget.value as ComplaintForm['reserves'])}
              data={(['unknown', 'yes', 'no'] as const).map((v) => ({ value: v, label: t(`complaints.reservesValues.${v}`) }))}
            />
          </SimpleGrid>
        </Paper>
        {props.order && (
          <Paper withBorder p="sm">
            <Text fw={600} size="sm" mb="xs">
              {t('complaints.lines')}
            </Text>
            <Table data-testid="complaint-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('complaints.product')}</Table.Th>
                  <Table.Th ta="right">{t('complaints.received_qty')}</Table.Th>
                  <Table.Th w={180}>{t('complaints.quantity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((l, i) => (
                  <Table.Tr key={l.orderLineId}>
                    <Table.Td>
                      <Text span ff="monospace" size="sm">
                        {l.productCode}
                      </Text>{' '}
                      <Text span size="sm">
                        {l.productName}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {fmt.number(l.received)} {t(`units.${l.saleUnit}`, { count: l.received, defaultValue: l.saleUnit })}
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        inputMode="numeric"
                        aria-label={`${t('complaints.quantity')} ${l.productCode}`}
                        data-testid={`complaint-qty-${l.productCode}`}
                        value={form.quantities[l.orderLineId] ?? ''}
                        error={errors[`lines.${i}.quantity`]}
                        onChange={(e) => set('quantities', { ...form.quantities, [l.orderLineId]: e.currentTarget.value })}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
        <Textarea
          label={t('complaints.description')}
          data-testid="complaint-description"
          autosize
          minRows={3}
          value={form.description}
          error={errors.description}
          onChange={(e) => set('description', e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void navigate(-1)}>
            {t('complaints.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="complaint-save">
            {t('complaints.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
