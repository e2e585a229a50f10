import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, isIsoDate, parisInstant, parisNow, weekdayOf } from './dates.ts';
import { earliestDeliveryDate, isDeliveryDay, isWorkingDay } from './delivery-date.ts';
import { easterSunday, frenchPublicHolidays, isFrenchPublicHoliday } from './french-holidays.ts';

describe('French public holidays', () => {
  it('knows Easter', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });

  it('lists the eleven holidays of 2026, moving ones included', () => {
    const h = frenchPublicHolidays(2026);
    expect(h).toHaveLength(11);
    expect(h).toContain('2026-04-06'); // lundi de Pâques
    expect(h).toContain('2026-05-14'); // Ascension
    expect(h).toContain('2026-05-25'); // lundi de Pentecôte
    expect(isFrenchPublicHoliday('2026-12-25')).toBe(true);
    expect(isFrenchPublicHoliday('2026-12-24')).toBe(false);
  });
});

describe('earliest delivery date', () => {
  const artisan = { deliveryWeekdays: ['TUE', 'FRI'] as const, leadTimeDays: 1, cutoffTime: '12:00' };

  it('Monday morning, next-day lead time, delivered Tuesday', () => {
    expect(earliestDeliveryDate({ date: '2026-11-23', time: '09:00' }, { ...artisan, deliveryWeekdays: ['TUE', 'FRI'] })).toBe(
      '2026-11-24',
    );
  });

  it('after the cut-off the order counts from the next working day', () => {
    expect(earliestDeliveryDate({ date: '2026-11-23', time: '12:00' }, { ...artisan, deliveryWeekdays: ['TUE', 'FRI'] })).toBe(
      '2026-11-27',
    );
  });

  it('skips public holidays for processing and delivery', () => {
    // Thursday 24 Dec 2026 after cut-off: processing Monday 28 (25th is a holiday), +1 working day = 29.
    expect(
      earliestDeliveryDate(
        { date: '2026-12-24', time: '15:00' },
        { deliveryWeekdays: ['MON', 'TUE', 'WED', 'THU', 'FRI'], leadTimeDays: 1, cutoffTime: '12:00' },
      ),
    ).toBe('2026-12-29');
    // Lead time landing on 1 Jan moves to the next receiving day.
    expect(
      earliestDeliveryDate({ date: '2026-12-31', time: '08:00' }, { deliveryWeekdays: ['FRI'], leadTimeDays: 1, cutoffTime: '12:00' }),
    ).toBe('2027-01-08');
  });

  it('a weekend order is processed on Monday', () => {
    expect(
      earliestDeliveryDate(
        { date: '2026-11-28', time: '08:00' },
        { deliveryWeekdays: ['MON', 'TUE', 'WED', 'THU', 'FRI'], leadTimeDays: 2, cutoffTime: '12:00' },
      ),
    ).toBe('2026-12-02');
  });

  it('is always a receiving day, never a holiday, and after today', () => {
    const weekdays = fc.subarray(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const, { minLength: 1 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 23 }),
        weekdays,
        fc.integer({ min: 0, max: 5 }),
        (offset, hour, days, lead) => {
          const date = addDays('2025-01-01', offset);
          const schedule = { deliveryWeekdays: [...days], leadTimeDays: lead, cutoffTime: '12:00' };
          const result = earliestDeliveryDate({ date, time: `${String(hour).padStart(2, '0')}:00` }, schedule)!;
          return isIsoDate(result) && isDeliveryDay(result, schedule) && result >= date && (lead === 0 || result > date);
        },
      ),
    );
  });

  it('working days exclude weekends and holidays', () => {
    expect(isWorkingDay('2026-11-27')).toBe(true);
    expect(weekdayOf('2026-11-28')).toBe('SAT');
    expect(isWorkingDay('2026-11-28')).toBe(false);
    expect(isWorkingDay('2026-11-11')).toBe(false);
  });
});

describe('date arithmetic', () => {
  // The timestamp parse it replaced, kept here as the reference: same answers on any day of any year, 1 to 9999.
  const reference = (date: string, days: number) => {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  const isoDates = fc
    .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9990-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('addDays and weekdayOf agree with the calendar, month and year ends and leap days included', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('0001-01-01', 60)).toBe('0001-03-02');
    expect(weekdayOf('2026-11-28')).toBe('SAT');
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -800, max: 800 }), (date, days) => {
        expect(addDays(date, days)).toBe(reference(date, days));
        expect(weekdayOf(date)).toBe(['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'][new Date(`${date}T00:00:00Z`).getUTCDay()]);
      }),
    );
  });
});

describe('Paris wall time to an instant', () => {
  it('is UTC+1 in winter and UTC+2 in summer, whatever the machine’s own zone', () => {
    expect(parisInstant('2026-12-08', '14:30')).toBe('2026-12-08T13:30:00.000Z');
    expect(parisInstant('2027-07-15', '09:00')).toBe('2027-07-15T07:00:00.000Z');
  });
  it('reads both sides of a clock change: the skipped hour as winter time, the doubled hour as its first pass', () => {
    expect(parisInstant('2027-03-28', '01:59')).toBe('2027-03-28T00:59:00.000Z');
    expect(parisInstant('2027-03-28', '03:00')).toBe('2027-03-28T01:00:00.000Z');
    expect(parisInstant('2027-03-28', '02:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(parisInstant('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
  });
  it('gives back the wall time parisNow reads', () => {
    for (const [d, t] of [
      ['2026-01-01', '00:00'],
      ['2026-06-30', '23:59'],
      ['2026-11-02', '08:15'],
    ] as const)
      expect(parisNow(new Date(parisInstant(d, t)))).toEqual({ date: d, time: t });
  });
});
