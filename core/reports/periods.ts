import { addDays, daysBetween, type IsoDate } from '../calendar/dates.ts';

/** The ISO week of a date: `2026-W48` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(date: IsoDate): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday and Sunday of an ISO week `2026-W48`; null when the week does not exist (W53 of a 52-week year). */
export function weekRange(week: string): { from: IsoDate; to: IsoDate } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = addDays(jan4.toISOString().slice(0, 10), -((jan4.getUTCDay() + 6) % 7));
  const from = addDays(monday1, (Number(m[2]) - 1) * 7);
  if (isoWeekOf(from) !== week) return null;
  return { from, to: addDays(from, 6) };
}

/** `2026-11` */
export const monthOf = (date: IsoDate): string => date.slice(0, 7);

/** The period of the same length that ends the day before `from`: "against the one before". */
export function previousPeriod(from: IsoDate, to: IsoDate): { from: IsoDate; to: IsoDate } {
  const days = daysBetween(from, to) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

/** The longest period a report covers: a year and a day (a leap year's full year). */
export const MAX_PERIOD_DAYS = 366;
