import { Chip, Group, Input } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type Weekday } from '../../../core/calendar/dates.ts';

/** Days of the week picked as chips, kept in the week's order (a delivery point's days, a customer's call days). */
export function WeekdayChips(props: { label: string; error?: string; value: readonly Weekday[]; onChange: (days: Weekday[]) => void }) {
  const { t } = useTranslation();
  return (
    <Input.Wrapper label={props.label} error={props.error}>
      <Chip.Group multiple value={[...props.value]} onChange={(days) => props.onChange(WEEKDAYS.filter((d) => days.includes(d)))}>
        <Group gap={4} mt={4}>
          {WEEKDAYS.map((d) => (
            <Chip key={d} value={d} size="xs">
              {t(`weekdays.${d}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Input.Wrapper>
  );
}
