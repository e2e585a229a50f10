import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../calendar/dates.ts';
import { isWorkingDay } from '../calendar/delivery-date.ts';
import { addWorkingDays, addWorkingHours } from '../calendar/working-time.ts';
import { DEFAULT_CLAIM_TERMS } from '../terms/claim-terms.ts';
import { COMPLAINT_REASONS, canMove, isVisibleAtDelivery } from './complaint.ts';
import { claimDeadline, overdue, serviceClock } from './deadlines.ts';

const terms = { ...DEFAULT_CLAIM_TERMS.ARTISAN, visibleDamageDays: 3, otherDefectDays: 5, answerWithinHours: 4, resolveWithinDays: 5 };
const dateArb = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2025-01-01', n));
const timeArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const workingDaysBetween = (from: IsoDate, to: IsoDate) => {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
};

describe('working days and hours', () => {
  it('adds working days: the result is a working day, and exactly n working days lie after the start', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 30 }), (date, n) => {
        const end = addWorkingDays(date, n);
        expect(isWorkingDay(end)).toBe(true);
        expect(workingDaysBetween(date, end)).toBe(n);
      }),
    );
  });

  it('skips weekends and public holidays: Thursday 24 December 2026 + 1 working day is Monday 28', () => {
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-04-03', 1)).toBe('2026-04-07'); // Good Friday is worked, Easter Monday is not
  });

  it('counts working hours only within the desk hours of working days', () => {
    expect(addWorkingHours({ date: '2026-12-04', time: '17:00' }, 4)).toBe('2026-12-07T11:00'); // Friday → Monday
    expect(addWorkingHours({ date: '2026-12-24', time: '16:00' }, 4)).toBe('2026-12-28T10:00'); // Christmas skipped
    expect(addWorkingHours({ date: '2026-12-05', time: '10:00' }, 2)).toBe('2026-12-07T10:00'); // Saturday: from Monday's opening
    expect(addWorkingHours({ date: '2026-12-07', time: '06:30' }, 1)).toBe('2026-12-07T09:00');
  });

  it('always lands on a working day within the desk hours, never before the start', () => {
    fc.assert(
      fc.property(dateArb, timeArb, fc.integer({ min: 1, max: 40 }), (date, time, hours) => {
        const due = addWorkingHours({ date, time }, hours);
        const [day, clock] = due.split('T');
        expect(isWorkingDay(day)).toBe(true);
        expect(clock >= '08:00' && clock <= '18:00').toBe(true);
        expect(due > `${date}T${time}`).toBe(true);
      }),
    );
  });
});

describe('claim deadline', () => {
  it('a claim on the last allowed day is in time, the next day is not', () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom(...COMPLAINT_REASONS), (deliveredOn, reason) => {
        const last = claimDeadline({ reason, deliveredOn, receivedOn: deliveredOn, reservesMade: null }, terms).date!;
        const days = isVisibleAtDelivery(reason) ? terms.visibleDamageDays : terms.otherDefectDays;
        expect(workingDaysBetween(deliveredOn, last)).toBe(days);
        expect(claimDeadline({ reason, deliveredOn, receivedOn: last, reservesMade: null }, terms).withinTerms).toBe(true);
        expect(claimDeadline({ reason, deliveredOn, receivedOn: addDays(last, 1), reservesMade: null }, terms).withinTerms).toBe(false);
      }),
    );
  });

  it('torn sacks delivered on Wednesday 14 January 2026, called in on Monday 19: the third working day, in time', () => {
    const d = claimDeadline(
      { reason: 'damaged-packaging', deliveredOn: '2026-01-14', receivedOn: '2026-01-19', reservesMade: true },
      terms,
    );
    expect(d).toEqual({ kind: 'visible-damage', days: 3, date: '2026-01-19', withinTerms: true });
  });

  it('visible damage without reserves on the delivery note is out of the terms even in time; a hidden defect needs none', () => {
    const base = { deliveredOn: '2026-01-14', receivedOn: '2026-01-15', reservesMade: false };
    expect(claimDeadline({ ...base, reason: 'damaged-packaging' }, terms).withinTerms).toBe(false);
    expect(claimDeadline({ ...base, reason: 'quality-defect' }, terms).withinTerms).toBe(true);
  });

  it('no delivery named: nothing to count from', () => {
    expect(claimDeadline({ reason: 'invoice-error', deliveredOn: null, receivedOn: '2026-01-19', reservesMade: null }, terms)).toEqual({
      kind: 'other-defect',
      days: 5,
      date: null,
      withinTerms: null,
    });
  });
});

describe('service clock', () => {
  const clock = serviceClock({ date: '2026-01-16', time: '16:30' }, terms); // a Friday afternoon
  it('answers within working hours and resolves within working days', () => {
    expect(clock).toEqual({ answerBy: '2026-01-19T10:30', resolveBy: '2026-01-23' });
  });

  it('is overdue once past its time, and no longer once answered or settled', () => {
    const open = { status: 'open' as const, ...clock };
    expect(overdue(open, { date: '2026-01-19', time: '10:30' })).toEqual({ answer: false, resolve: false });
    expect(overdue(open, { date: '2026-01-19', time: '10:31' })).toEqual({ answer: true, resolve: false });
    expect(overdue({ ...open, status: 'answered' }, { date: '2026-01-24', time: '09:00' })).toEqual({ answer: false, resolve: true });
    expect(overdue({ ...open, status: 'resolved' }, { date: '2026-02-24', time: '09:00' })).toEqual({ answer: false, resolve: false });
  });
});

describe('complaint statuses', () => {
  it('open → answered → resolved or refused → closed, never backwards', () => {
    expect(canMove('open', 'answered')).toBe(true);
    expect(canMove('answered', 'refused')).toBe(true);
    expect(canMove('resolved', 'closed')).toBe(true);
    expect(canMove('closed', 'open')).toBe(false);
    expect(canMove('answered', 'open')).toBe(false);
    expect(canMove('open', 'closed')).toBe(false);
  });
});
