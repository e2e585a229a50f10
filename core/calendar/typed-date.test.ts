import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, WEEKDAYS, weekdayOf } from './dates.ts';
import { checkDeliveryDate } from './delivery-date.ts';
import { dateOrderOf, parseTypedDate } from './typed-date.ts';

const monday = '2026-12-07'; // the desk's "today" in these examples

describe('a typed delivery date', () => {
  it.each([
    ['11/12/2026', '2026-12-11'],
    ['11/12/26', '2026-12-11'],
    ['11/12', '2026-12-11'],
    ['11.12', '2026-12-11'],
    ['11', '2026-12-11'],
    ['3', '2027-01-03'], // the 3rd is past: next month's
    ['vendredi', '2026-12-11'],
    ['Ven.', '2026-12-11'],
    ['ven', '2026-12-11'],
    ['ven. 11/12/2026', '2026-12-11'], // what the field itself displays
    ['lundi', '2026-12-14'], // today is Monday: next week's
    ['+3', '2026-12-10'],
    ['j+2', '2026-12-09'],
    ['J+2', '2026-12-09'],
    ['demain', '2026-12-08'],
    ['après-demain', '2026-12-09'],
    ['2026-12-11', '2026-12-11'],
    ['02/01', '2027-01-02'], // a day and month already past this year: next year's
  ])('French: %s → %s', (typed, expected) => {
    expect(parseTypedDate(typed, monday, 'day-month')).toBe(expected);
  });

  it.each([
    ['12/11', '2026-12-11'],
    ['12/11/26', '2026-12-11'],
    ['fri', '2026-12-11'],
    ['Friday', '2026-12-11'],
    ['Fri, 12/11/2026', '2026-12-11'],
    ['d+2', '2026-12-09'],
    ['tomorrow', '2026-12-08'],
  ])('English: %s → %s', (typed, expected) => {
    expect(parseTypedDate(typed, monday, 'month-day')).toBe(expected);
  });

  it.each(['', 'n’importe', '31/02', '32/12', '11/13', 'ven truc', '11/12/2026/4', '+'])('%s is not a date', (typed) => {
    expect(parseTypedDate(typed, monday, 'day-month')).toBeNull();
  });

  const today = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2000-01-01', n));
  const order = fc.constantFrom('day-month' as const, 'month-day' as const);
  const written = (iso: string, o: typeof order extends fc.Arbitrary<infer T> ? T : never, year: boolean) => {
    const [y, m, d] = iso.split('-');
    const dm = o === 'day-month' ? `${d}/${m}` : `${m}/${d}`;
    return year ? `${dm}/${y}` : dm;
  };

  it('reads back any date written in full, either way round', () => {
    fc.assert(
      fc.property(today, fc.integer({ min: -400, max: 400 }), order, (t, n, o) => {
        const date = addDays(t, n);
        expect(parseTypedDate(written(date, o, true), t, o)).toBe(date);
      }),
    );
  });

  it('a day and month without a year is the next such date on or after today, within a year', () => {
    fc.assert(
      fc.property(today, fc.integer({ min: 0, max: 364 }), order, (t, n, o) => {
        const date = addDays(t, n);
        if (date.endsWith('02-29')) return; // not every year has one
        expect(parseTypedDate(written(date, o, false), t, o)).toBe(date);
      }),
    );
  });

  it('a weekday is the next one after today, within a week', () => {
    fc.assert(
      fc.property(today, fc.constantFrom(...WEEKDAYS), fc.constantFrom('fr', 'en'), (t, day, lang) => {
        const word = {
          fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
          en: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        }[lang][WEEKDAYS.indexOf(day)];
        const date = parseTypedDate(word, t, 'day-month')!;
        expect(weekdayOf(date)).toBe(day);
        expect(daysBetween(t, date)).toBeGreaterThanOrEqual(1);
        expect(daysBetween(t, date)).toBeLessThanOrEqual(7);
      }),
    );
  });

  it('+n and j+n count calendar days from today', () => {
    fc.assert(
      fc.property(today, fc.integer({ min: 0, max: 999 }), fc.constantFrom('+', 'j+', 'J+', 'd+'), (t, n, prefix) => {
        expect(parseTypedDate(`${prefix}${n}`, t, 'day-month')).toBe(addDays(t, n));
      }),
    );
  });

  it('never throws, and answers a real date or nothing', () => {
    fc.assert(
      fc.property(today, fc.string(), order, (t, text, o) => {
        const date = parseTypedDate(text, t, o);
        expect(date === null || isIsoDate(date)).toBe(true);
      }),
    );
  });
});

describe('a requested date the delivery point cannot take', () => {
  const martin = { deliveryWeekdays: ['MON', 'THU', 'FRI'] as ('MON' | 'THU' | 'FRI')[] };

  it('a day the point does not receive offers its next receiving day', () => {
    expect(checkDeliveryDate('2026-12-08', martin, '2026-12-08')).toEqual({ problem: 'not-a-delivery-day', next: '2026-12-10' });
  });

  it('a public holiday on a receiving day says so', () => {
    expect(checkDeliveryDate('2026-12-25', martin, '2026-12-08')).toEqual({ problem: 'public-holiday', next: '2026-12-28' });
  });

  it('before the earliest date offers the first receiving day from the earliest', () => {
    expect(checkDeliveryDate('2026-12-07', martin, '2026-12-10')).toEqual({ problem: 'before-earliest', next: '2026-12-10' });
  });

  it('a good date has nothing to say', () => {
    expect(checkDeliveryDate('2026-12-11', martin, '2026-12-08')).toBeNull();
  });

  it('the offered date is always one the point takes, never before the date or the earliest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2024-01-01', n)),
        fc.integer({ min: -10, max: 10 }),
        fc.subarray([...WEEKDAYS], { minLength: 1 }),
        (date, shift, days) => {
          const earliest = addDays(date, shift);
          const found = checkDeliveryDate(date, { deliveryWeekdays: days }, earliest);
          if (!found) return;
          expect(found.next).not.toBeNull();
          expect(checkDeliveryDate(found.next!, { deliveryWeekdays: days }, earliest)).toBeNull();
          expect(found.next! >= date && found.next! >= earliest).toBe(true);
        },
      ),
    );
  });
});

describe('the order a locale writes day and month in', () => {
  it.each([
    ['fr-FR', 'day-month'],
    ['en-GB', 'day-month'],
    ['en-US', 'month-day'],
  ])('%s: %s', (locale, order) => {
    expect(dateOrderOf(locale)).toBe(order);
  });
});
