import { addDays, type IsoDate } from './dates.ts';

/** Easter Sunday (Gregorian computus, Anonymous algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The eleven French public holidays (metropolitan France, Code du travail L3133-1) of a year. */
export function frenchPublicHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((md) => `${year}-${md}`);
  const moving = [addDays(easter, 1), addDays(easter, 39), addDays(easter, 50)]; // Easter Monday, Ascension, Whit Monday
  return [...fixed, ...moving].sort();
}

const cache = new Map<number, Set<IsoDate>>();

export function isFrenchPublicHoliday(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  let set = cache.get(year);
  if (!set) {
    set = new Set(frenchPublicHolidays(year));
    cache.set(year, set);
  }
  return set.has(date);
}
