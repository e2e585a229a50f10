/** ISO dates (YYYY-MM-DD) as plain strings; arithmetic done in UTC so no time zone can shift a day. */
export type IsoDate = string;
export type Weekday = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';
export const WEEKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Midnight UTC of an ISO date. The rules do date arithmetic for every order they check; reading the three numbers
 * is several times cheaper than parsing the string as a timestamp. setUTCFullYear, not Date.UTC: years 0–99 stay.
 */
function utcMidnight(date: IsoDate, plusDays = 0): Date {
  const d = new Date(0);
  d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + plusDays);
  return d;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return utcMidnight(date, days).toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function weekdayOf(date: IsoDate): Weekday {
  const day = utcMidnight(date).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(day + 6) % 7];
}

// Building an Intl formatter costs far more than using one: build it once.
const PARIS_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock date and time in Paris for an instant: the trade's day starts and ends in Paris. */
export function parisNow(instant: Date): { date: IsoDate; time: string } {
  const parts = PARIS_CLOCK.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/**
 * The instant (ISO, UTC) of a wall-clock date and time in Paris: UTC+1 in winter, UTC+2 in summer. A time the clocks
 * skip (the last Sunday of March, 02:00–02:59) reads as winter time, an hour that happens twice (October) as the first.
 */
export function parisInstant(date: IsoDate, time: string): string {
  for (const offset of [2, 1]) {
    const utc = new Date(Date.parse(`${date}T${time}:00Z`) - offset * 3_600_000);
    const local = parisNow(utc);
    if (local.date === date && local.time === time) return utc.toISOString();
  }
  return new Date(Date.parse(`${date}T${time}:00Z`) - 3_600_000).toISOString();
}

const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

export function formatFrenchDate(date: IsoDate, locale = 'fr-FR'): string {
  let format = DATE_FORMATS.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' });
    DATE_FORMATS.set(locale, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

const LONG_FRENCH_DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "mardi 1 décembre 2026": how a letter or an email to a customer writes a date. */
export function formatFrenchLongDate(date: IsoDate): string {
  return LONG_FRENCH_DATE.format(new Date(`${date}T00:00:00Z`));
}
