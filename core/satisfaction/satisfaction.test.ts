import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/dates.ts';
import { addMonths, interviewDueOn, lowAnswers } from './satisfaction.ts';

describe('the interview rhythm', () => {
  it('adds months, keeping the day or the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-12-31', 12)).toBe('2027-12-31');
    expect(addMonths('2026-03-31', 3)).toBe('2026-06-30');
  });

  it('is always a real date, later than the start, at most 31 days per month further', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 24 }), (offset, months) => {
        const start = addDays('2025-01-01', offset);
        const due = addMonths(start, months);
        expect(Number.isNaN(Date.parse(`${due}T00:00:00Z`))).toBe(false);
        expect(due > start).toBe(true);
        expect(due <= addDays(start, months * 31)).toBe(true);
      }),
    );
  });

  it('counts from the last interview, else from when the customer came', () => {
    expect(interviewDueOn({ rhythmMonths: 3 }, '2026-09-10', '2020-01-01')).toBe('2026-12-10');
    expect(interviewDueOn({ rhythmMonths: 12 }, null, '2025-12-01')).toBe('2026-12-01');
  });

  it('keeps the answers at or below the low score', () => {
    expect(
      lowAnswers(
        [
          { question: 'quality', score: 8 },
          { question: 'overall', score: 4 },
          { question: 'desk', score: 6 },
        ],
        6,
      ),
    ).toEqual([
      { question: 'overall', score: 4 },
      { question: 'desk', score: 6 },
    ]);
  });
});
