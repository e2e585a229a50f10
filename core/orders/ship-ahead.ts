import { addDays, daysBetween, type IsoDate } from '../calendar/dates.ts';
import { isWorkingDay } from '../calendar/delivery-date.ts';

/**
 * Whether goods shipped today leave too early for the day they are due: a truck leaves on the last working day
 * before the delivery or on its morning, so anything earlier (a Friday order shipped on the Sunday before) sits in a
 * truck or at a closed door, and the desk is asked to confirm. Null when today is in time (or after: late is the
 * risk scan's business); otherwise the calendar days it leaves ahead of that last working day.
 */
export function shipsAhead(today: IsoDate, due: IsoDate | null): { days: number; lastShipDate: IsoDate } | null {
  if (due === null) return null;
  let lastShipDate = addDays(due, -1);
  while (!isWorkingDay(lastShipDate)) lastShipDate = addDays(lastShipDate, -1);
  const days = daysBetween(today, lastShipDate);
  return days > 0 ? { days, lastShipDate } : null;
}
