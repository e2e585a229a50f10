import { ActionIcon, Button, Group, Popover, Text, TextInput } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../../core/calendar/dates.ts';
import { checkDeliveryDate, type DeliverySchedule, isDeliveryDay } from '../../../../core/calendar/delivery-date.ts';
import { isFrenchPublicHoliday } from '../../../../core/calendar/french-holidays.ts';
import { dateOrderOf, parseTypedDate } from '../../../../core/calendar/typed-date.ts';
import { parisToday } from '../../shared/clock.ts';
import { useFormat } from '../../shared/use-format.ts';
import classes from './DeliveryDateField.module.css';

type Props = {
  value: IsoDate | null;
  onChange: (date: IsoDate) => void;
  /** The delivery point's receiving days; none before a customer is chosen. */
  schedule: Pick<DeliverySchedule, 'deliveryWeekdays'> | undefined;
  earliest: IsoDate | null;
};

/**
 * The delivery date as the desk says it on the phone: typed (`11/12`, `ven`, `+3`, `j+2`…, read by
 * core/calendar/typed-date.ts against today's date), or picked in a calendar that Alt+↓ opens and the arrows walk.
 * A date the point cannot take says why and offers the next one it can.
 */
export function DeliveryDateField({ value, onChange, schedule }: Omit<Props, 'earliest'>) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [text, setText] = useState(fmt.date(value));
  const [unreadable, setUnreadable] = useState(false);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // Whether she typed since the field took the focus: until she does, the field is hers to replace whole.
  const typed = useRef(false);

  // The value changes from elsewhere too (another delivery point, the calendar, the customer's default arriving):
  // show it unless she is typing.
  useEffect(() => {
    if (document.activeElement !== input.current || !typed.current) setText(value ? fmt.date(value) : '');
  }, [value, fmt]);

  // A text that changes while the field has the focus and she has not typed (the default date landing just as she
  // tabs in) is selected again, so her first key replaces it instead of being added to it.
  useLayoutEffect(() => {
    const field = input.current;
    if (field && document.activeElement === field && !typed.current) field.select();
  }, [text]);

  const read = (typed: string) => parseTypedDate(typed, parisToday(), dateOrderOf(fmt.locale));
  const pick = (date: IsoDate) => {
    onChange(date);
    setText(fmt.date(date));
    setUnreadable(false);
  };
  return (
    <Popover opened={open} onChange={setOpen} position="bottom-start" trapFocus returnFocus withinPortal withRoles={false}>
      <Popover.Target>
        <TextInput
          ref={input}
          size="xs"
          label={t('entry.requestedDate')}
          data-testid="order-requested-date"
          title={t('entry.dateHint')}
          value={text}
          error={unreadable ? t('entry.dateUnreadable', { text }) : undefined}
          onFocus={(event) => {
            typed.current = false;
            event.currentTarget.select();
          }}
          onChange={(event) => {
            typed.current = true;
            const text = event.currentTarget.value;
            setText(text);
            setUnreadable(false);
            // Read as she types, so Ctrl+Enter straight from the field saves what she typed.
            const date = read(text);
            if (date) onChange(date);
          }}
          onBlur={() => {
            const date = read(text);
            if (date) pick(date);
            else if (text.trim() !== '' && text !== fmt.date(value)) setUnreadable(true);
          }}
          onKeyDown={(event) => {
            if ((event.altKey && event.key === 'ArrowDown') || event.key === 'F4') {
              event.preventDefault();
              setOpen(true);
            }
          }}
          rightSection={
            <ActionIcon
              variant="subtle"
              size="sm"
              tabIndex={-1}
              aria-label={t('entry.openCalendar')}
              data-testid="order-requested-date-calendar"
              onClick={() => setOpen((o) => !o)}
            >
              <IconCalendar size={14} />
            </ActionIcon>
          }
        />
      </Popover.Target>
      <Popover.Dropdown data-testid="delivery-calendar">
        <DatePicker
          value={value}
          defaultDate={value ?? undefined}
          minDate={parisToday()}
          onChange={(date) => {
            if (!date) return;
            pick(date);
            setOpen(false);
            input.current?.focus();
          }}
          getDayProps={(date) => ({ ...dayLook(date, schedule, t), ...focusedFirst(date, value) })}
        />
        <Group gap="md" mt={6}>
          <Text size="xs" c="teal.8" fw={700}>
            ● {t('entry.calendarDeliveryDay')}
          </Text>
          <Text size="xs" c="red.7" td="line-through">
            {t('entry.calendarHoliday')}
          </Text>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

/** What is wrong with the date for this point, and a button for the next date it can take. */
export function DeliveryDateProblem({ value, onChange, schedule, earliest }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const problem = value && schedule ? checkDeliveryDate(value, schedule, earliest) : null;
  if (!problem || !value || !schedule) return null;
  return (
    <Group gap={6} mt={4} data-testid="order-date-problem">
      <Text size="xs" c="orange.8" fw={600}>
        {t(`entry.dateProblem.${problem.problem}`, {
          date: fmt.date(value),
          days: schedule.deliveryWeekdays.map((d) => t(`weekdays.${d}`)).join(', '),
          earliest: fmt.date(earliest),
        })}
      </Text>
      {problem.next && (
        <Button size="compact-xs" variant="light" color="orange" data-testid="order-date-next" onClick={() => onChange(problem.next!)}>
          {t('entry.dateTakeNext', { date: fmt.date(problem.next) })}
        </Button>
      )}
    </Group>
  );
}

/**
 * Opened from the keyboard, the calendar takes the focus on the chosen day (today when none is) so the arrows move
 * from there. The popover's focus trap picks `data-autofocus` when it mounts; focusing the day from an effect raced
 * with it and lost whenever the trap's timer ran last.
 */
function focusedFirst(date: IsoDate, value: IsoDate | null) {
  return date === (value ?? parisToday()) ? { 'data-autofocus': true } : {};
}

/** Receiving days stand out, holidays are struck through: the calendar answers "when can he be delivered?". */
function dayLook(date: IsoDate, schedule: Props['schedule'], t: (key: string) => string) {
  if (isFrenchPublicHoliday(date)) return { title: t('entry.calendarHoliday'), className: classes.holiday };
  if (schedule && isDeliveryDay(date, schedule)) {
    return { title: t('entry.calendarDeliveryDay'), className: classes.deliveryDay, 'data-delivery-day': true };
  }
  return {};
}
