import { addDays, daysBetween, type IsoDate, parisNow } from '../../core/calendar/dates.ts';

/** The data set was written as seen on its reference day at 08:30 in Paris, the start of the desk's day. */
const REFERENCE_CLOCK = '08:30:00+01:00';

export type DemoClock = {
  shiftDays: number;
  /** A calendar date of the data set moved to the same place relative to the real today. */
  shiftDate: (date: IsoDate) => IsoDate;
  /**
   * An instant of the data set moved so that the data set's "now" is the real now: an order received at 08:12
   * on the reference day arrived 18 minutes ago. Moving by whole days instead would put today's orders in the
   * future for anyone who starts the demo before 08:30.
   */
  shiftInstant: (instant: string) => string;
};

export function demoClock(referenceDate: IsoDate, now: Date): DemoClock {
  const shiftDays = daysBetween(referenceDate, parisNow(now).date);
  const shiftMs = now.getTime() - Date.parse(`${referenceDate}T${REFERENCE_CLOCK}`);
  return {
    shiftDays,
    shiftDate: (date) => addDays(date, shiftDays),
    shiftInstant: (instant) => new Date(Date.parse(instant) + shiftMs).toISOString(),
  };
}
