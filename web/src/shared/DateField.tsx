import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { dateOrderOf, parseTypedDate } from '../../../core/calendar/typed-date.ts';
import { parisToday } from './clock.ts';
import { useFormat } from './use-format.ts';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** An ISO date, or '' for none. */
  value: string;
  onChange: (date: string) => void;
};

/**
 * A date as the desk types it (`10/03`, `10/03/26`, `mardi`, `demain`, `j+2`, an ISO date…, read by
 * core/calendar/typed-date.ts against the Paris date) and shows it (`mar. 10/03/2026`), with a calendar; never the
 * browser's own date input, whose order (mm/dd/yyyy) follows the machine, not the screen's language.
 */
export function DateField({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const today = parisToday();
  return (
    <DateInput
      title={t('entry.dateHint')}
      valueFormat="ddd DD/MM/YYYY"
      dateParser={(typed) => parseTypedDate(typed, today, dateOrderOf(fmt.locale))}
      value={value || null}
      onChange={(date) => onChange(date ? date.slice(0, 10) : '')}
      {...rest}
    />
  );
}
