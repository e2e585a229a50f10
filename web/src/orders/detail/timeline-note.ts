import type { TFunction } from 'i18next';
import type { TimelineNote } from '../../../../core/shared/error-codes.ts';
import type { formatterFor } from '../../shared/format.ts';

/** A note the server wrote on the timeline, in the user's language: money params (`…Cents`) as amounts, dates as dates. */
export function timelineNote(note: TimelineNote, t: TFunction, fmt: ReturnType<typeof formatterFor>): string {
  const params = Object.fromEntries(
    Object.entries(note.params).map(([key, value]) => {
      if (key.endsWith('Cents') && typeof value === 'number') return [key.slice(0, -'Cents'.length), fmt.money(value)];
      if ((key === 'bestBefore' || key.endsWith('Date')) && typeof value === 'string') return [key, fmt.date(value)];
      return [key, value];
    }),
  );
  return t(`timelineNotes.${note.code}`, params);
}
