import { Grid, NativeSelect, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { isDeliveryDay } from '../../../../core/calendar/delivery-date.ts';
import { CHANNELS, type Channel, type DeliveryPoint } from '../../../../core/customers/customer.ts';
import type { OrderContext } from '../../api/types.ts';
import { useFormat } from '../../shared/use-format.ts';
import type { EntryHeader } from './draft.ts';

type Props = { header: EntryHeader; context: OrderContext | undefined; onChange: (patch: Partial<EntryHeader>) => void };

/** Ship-to, date, channel, references: pre-filled from the customer, reachable with Tab, rarely touched. */
export function HeaderFields({ header, context, onChange }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const points = context?.customer.deliveryPoints ?? [];
  const point = points.find((p) => p.id === header.deliveryPointId);
  // null: the point has no delivery day the calendar can reach (the server says so rather than guess).
  const earliest = (point && context?.earliestDates[String(point.id)]) ?? undefined;

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
          <DateInput
            size="xs"
            label={t('entry.requestedDate')}
            data-testid="order-requested-date"
            valueFormat="ddd DD/MM/YYYY"
            value={header.requestedDate}
            minDate={context?.today}
            onChange={(value) => onChange({ requestedDate: value })}
          />
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
      {point && <DeliveryInfo point={point} earliest={earliest} requested={header.requestedDate} fmt={fmt} />}
    </>
  );
}

function DeliveryInfo({
  point,
  earliest,
  requested,
  fmt,
}: {
  point: DeliveryPoint;
  earliest: string | undefined;
  requested: string | null;
  fmt: ReturnType<typeof useFormat>;
}) {
  const { t } = useTranslation();
  const days = point.deliveryWeekdays.map((d) => t(`weekdays.${d}`)).join(', ');
  const tooEarly = !!(requested && earliest && requested < earliest);
  const notADeliveryDay = !!(requested && !isDeliveryDay(requested, point));
  return (
    <Text size="xs" c="dimmed" mt={4} data-testid="order-delivery-info">
      {t('entry.deliveryInfo', { days, lead: point.leadTimeDays, cutoff: point.cutoffTime, earliest: fmt.date(earliest) })}
      {point.windowFrom && point.windowTo ? ` · ${t('entry.window', { from: point.windowFrom, to: point.windowTo })}` : ''}
      {point.appointmentRequired ? ` · ${t('entry.appointment')}` : ''}
      {tooEarly && (
        <Text span c="orange.8" fw={600} size="xs">
          {' '}
          · {t('entry.tooEarly')}
        </Text>
      )}
      {notADeliveryDay && (
        <Text span c="orange.8" fw={600} size="xs">
          {' '}
          · {t('entry.notDeliveryDay')}
        </Text>
      )}
    </Text>
  );
}
