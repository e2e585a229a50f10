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

/** A stored value as text: the audit keeps plain JSON values. */
const plain = (value: unknown): string => (typeof value === 'object' ? JSON.stringify(value) : `${value as string | number | boolean}`);

export function showChangeValue(field: string, value: unknown, t: TFunction, fmt: Formatter): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (KINDS[field]) {
    case 'status':
      return t(`orderStatus.${plain(value)}`);
    case 'date':
      return fmt.date(plain(value));
    case 'money':
      return typeof value === 'number' ? fmt.money(value) : plain(value);
    case 'channel':
      return t(`channels.${plain(value)}`);
    default:
      return plain(value);
  }
}
