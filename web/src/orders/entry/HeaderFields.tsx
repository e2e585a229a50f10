import { Grid, NativeSelect, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel, type DeliveryPoint } from '../../../../core/customers/customer.ts';
import type { OrderContext } from '../../api/types.ts';
import { useFormat } from '../../shared/use-format.ts';
import { DeliveryDateField, DeliveryDateProblem } from './DeliveryDateField.tsx';
import type { EntryHeader } from './draft.ts';

type Props = { header: EntryHeader; context: OrderContext | undefined; onChange: (patch: Partial<EntryHeader>) => void };

/** Ship-to, date, channel, references: pre-filled from the customer, reachable with Tab, rarely touched. */
export function HeaderFields({ header, context, onChange }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const points = context?.customer.deliveryPoints ?? [];
  const point = points.find((p) => p.id === header.deliveryPointId);
  // null: the point has no delivery day the calendar can reach (the server says so rather than guess).
  const earliest = (point && context?.earliestDates[String(point.id)]) ?? null;
  const date = {
    value: header.requestedDate,
    onChange: (requestedDate: string) => onChange({ requestedDate }),
    schedule: point,
    earliest,
  };

  return (
    <>
      <Grid gutter="xs">
        <Grid.Col span={4}>
          <NativeSelect
            size="xs"
            label={t('entry.deliveryPoint')}
            data-testid="order-delivery-point"
            disabled={!points.length}
            value={header.deliveryPointId === null ? '' : String(header.deliveryPointId)}
            data={points.map((p) => ({ value: String(p.id), label: `${p.name} — ${p.city}` }))}
            onChange={(event) => {
              const id = Number(event.currentTarget.value);
              onChange({ deliveryPointId: id, requestedDate: context?.earliestDates[String(id)] ?? header.requestedDate });
            }}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <DeliveryDateField {...date} />
        </Grid.Col>
        <Grid.Col span={2}>
          <NativeSelect
            size="xs"
            label={t('entry.channel')}
            data-testid="order-channel"
            value={header.channel}
            data={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
            onChange={(event) => onChange({ channel: event.currentTarget.value as Channel })}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput
            label={t('entry.customerRef')}
            data-testid="order-customer-ref"
            value={header.customerRef}
            onChange={(e) => onChange({ customerRef: e.currentTarget.value })}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput
            label={t('entry.note')}
            data-testid="order-note"
            value={header.note}
            onChange={(e) => onChange({ note: e.currentTarget.value })}
          />
        </Grid.Col>
      </Grid>
      {point && <DeliveryInfo point={point} earliest={earliest} fmt={fmt} />}
      <DeliveryDateProblem {...date} />
    </>
  );
}

function DeliveryInfo({ point, earliest, fmt }: { point: DeliveryPoint; earliest: string | null; fmt: ReturnType<typeof useFormat> }) {
  const { t } = useTranslation();
  const days = point.deliveryWeekdays.map((d) => t(`weekdays.${d}`)).join(', ');
  return (
    <Text size="xs" c="dimmed" mt={4} data-testid="order-delivery-info">
      {t('entry.deliveryInfo', { days, lead: point.leadTimeDays, cutoff: point.cutoffTime, earliest: fmt.date(earliest) })}
      {point.windowFrom && point.windowTo ? ` · ${t('entry.window', { from: point.windowFrom, to: point.windowTo })}` : ''}
      {point.appointmentRequired ? ` · ${t('entry.appointment')}` : ''}
    </Text>
  );
}
