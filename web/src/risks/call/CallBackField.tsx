import { Group } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../../core/calendar/dates.ts';
import { parisToday } from '../../shared/clock.ts';
import { DateField } from '../../shared/DateField.tsx';

export type CallBackValue = { date: IsoDate | null; time: string };

/**
 * When to call the customer back, as the desk says it: a date typed the French way (`11/03`, `jeudi`, `demain`,
 * `j+2`…, read by core/calendar/typed-date.ts against the Paris date; a calendar too) and a time on the 24-hour clock.
 * Both are Paris wall time: the server makes the instant in Europe/Paris, whatever this browser's zone.
 */
export function CallBackField({ value, onChange }: { value: CallBackValue; onChange: (v: CallBackValue) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <DateField
        label={t('risks.call.callBackAt')}
        placeholder={t('risks.call.callBackDatePlaceholder')}
        minDate={parisToday()}
        value={value.date ?? ''}
        onChange={(date) => onChange({ ...value, date: date || null })}
        w={180}
        data-testid="risk-callback-date"
      />
      <TimePicker
        label={t('risks.call.callBackTime')}
        aria-label={t('risks.call.callBackTime')}
        format="24h"
        value={value.time}
        onChange={(time) => onChange({ ...value, time: time.slice(0, 5) })}
        hoursInputLabel={t('risks.call.hours24')}
        minutesInputLabel={t('risks.call.minutes')}
        data-testid="risk-callback-time"
      />
    </Group>
  );
}
