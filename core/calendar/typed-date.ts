import { addDays, type IsoDate, isIsoDate, WEEKDAYS, type Weekday, weekdayOf } from './dates.ts';

/** Which way round a typed `11/12` reads: day first in French, month first in English. */
export type DateOrder = 'day-month' | 'month-day';

// Full names and the short forms people type, without accents (the text is folded before matching).
const WEEKDAY_WORDS: Record<Weekday, readonly string[]> = {
  MON: ['lundi', 'lun', 'monday', 'mon'],
  TUE: ['mardi', 'mar', 'tuesday', 'tue', 'tues'],
  WED: ['mercredi', 'mer', 'wednesday', 'wed'],
  THU: ['jeudi', 'jeu', 'thursday', 'thu', 'thur', 'thurs'],
  FRI: ['vendredi', 'ven', 'friday', 'fri'],
  SAT: ['samedi', 'sam', 'saturday', 'sat'],
  SUN: ['dimanche', 'dim', 'sunday', 'sun'],
};
const WEEKDAY_BY_WORD = new Map(WEEKDAYS.flatMap((day) => WEEKDAY_WORDS[day].map((word) => [word, day] as const)));

const RELATIVE_WORDS = new Map<string, number>([
  ["aujourd'hui", 0],
  ['aujourdhui', 0],
  ['today', 0],
  ['demain', 1],
  ['tomorrow', 1],
  ['apres-demain', 2],
  ['apres demain', 2],
]);

const NUMERIC = /^(\d{1,2})(?:[/.\- ](\d{1,2})(?:[/.\- ](\d{2}|\d{4}))?)?$/;
const OFFSET = /^(?:[jd] ?)?\+ ?(\d{1,3})$/; // +3, j+2, J + 2, d+2

/**
 * The delivery date a person typed, read the ways the desk types them: `11/12`, `11/12/26`, `11.12.2026`,
 * `vendredi`, `ven.`, `ven. 11/12/2026` (the field's own display), `+3`, `j+2`, `demain`, an ISO date.
 * `today` is the desk's date (the caller's clock); a date without a year is the next one on or after today, a
 * weekday the next one after today. Returns null when the text is not a date (the field then says so).
 */
export function parseTypedDate(text: string, today: IsoDate, order: DateOrder): IsoDate | null {
  const folded = fold(text);
  if (folded === '') return null;
  if (isIsoDate(folded)) return folded;
  const relative = RELATIVE_WORDS.get(folded);
  if (relative !== undefined) return addDays(today, relative);
  const offset = OFFSET.exec(folded);
  if (offset) return addDays(today, Number(offset[1]));

  // A weekday, alone or before a date ("ven. 11/12/2026"): the date, when there is one, says which week.
  const [first, ...rest] = folded.split(/[\s,.]+/).filter(Boolean);
  const weekday = WEEKDAY_BY_WORD.get(first);
  if (weekday && rest.length === 0) return nextWeekday(today, weekday);
  const numeric = weekday ? folded.slice(folded.search(/\d/)) : folded;
  return weekday && !/\d/.test(folded) ? null : numericDate(numeric, today, order);
}

/** Lower case, no accents, no surrounding spaces or trailing dots: "Ven." and "ven" read the same. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’]/g, "'")
    .trim()
    .replace(/\.+$/, '');
}

function nextWeekday(today: IsoDate, weekday: Weekday): IsoDate {
  let date = addDays(today, 1);
  while (weekdayOf(date) !== weekday) date = addDays(date, 1);
  return date;
}

function numericDate(text: string, today: IsoDate, order: DateOrder): IsoDate | null {
  const match = NUMERIC.exec(text.trim());
  if (!match) return null;
  const [, a, b, y] = match;
  const thisYear = Number(today.slice(0, 4));
  // A day alone ("11") is that day of this month, or of the next when it is past.
  const day = Number(b === undefined || order === 'day-month' ? a : b);
  const month = b === undefined ? Number(today.slice(5, 7)) : Number(order === 'day-month' ? b : a);
  if (y !== undefined) return isoOf(y.length === 2 ? 2000 + Number(y) : Number(y), month, day);
  const candidate = isoOf(thisYear, month, day);
  if (b === undefined) {
    if (candidate && candidate >= today) return candidate;
    return month === 12 ? isoOf(thisYear + 1, 1, day) : isoOf(thisYear, month + 1, day);
  }
  if (candidate && candidate >= today) return candidate;
  return isoOf(thisYear + 1, month, day); // 29/02 of a leap year only: null when next year has none
}

function isoOf(year: number, month: number, day: number): IsoDate | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Which way round a locale writes a short date: fr-FR and en-GB day first, en-US month first. */
export function dateOrderOf(locale: string): DateOrder {
  const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric' }).formatToParts(new Date(0));
  return parts.findIndex((p) => p.type === 'day') < parts.findIndex((p) => p.type === 'month') ? 'day-month' : 'month-day';
}
