import type { TFunction } from 'i18next';
import type { Formatter } from '../../shared/format.ts';

/** The fields of an order the timeline names, and how each value reads; other changes are only counted. */
const KINDS: Record<string, 'status' | 'date' | 'money' | 'channel' | 'text'> = {
  status: 'status',
  number: 'text',
  requestedDate: 'date',
  promisedDate: 'date',
  customerRef: 'text',
  channel: 'channel',
  note: 'text',
  netCents: 'money',
  deliveryNoteNumber: 'text',
  reason: 'text',
};

export function isShownField(field: string): boolean {
  return field in KINDS;
}

export function showChangeValue(field: string, value: unknown, t: TFunction, fmt: Formatter): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (KINDS[field]) {
    case 'status':
      return t(`orderStatus.${String(value)}`);
    case 'date':
      return fmt.date(String(value));
    case 'money':
      return typeof value === 'number' ? fmt.money(value) : String(value);
    case 'channel':
      return t(`channels.${String(value)}`);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
