import { describe, expect, it } from 'vitest';
import { demoClock } from './demo-clock.ts';

describe('the demo clock', () => {
  it('moves dates by whole days and instants so that the data set’s 08:30 is now', () => {
    // 00:15 in Paris, before the data set's 08:30: today's orders must still lie in the past.
    const now = new Date('2026-11-27T23:15:00Z');
    const clock = demoClock('2026-01-19', now);
    expect(clock.shiftDays).toBe(313);
    expect(clock.shiftDate('2026-01-19')).toBe('2026-11-28');
    expect(clock.shiftInstant('2026-01-19T08:12:00+01:00')).toBe('2026-11-27T22:57:00.000Z');
    expect(Date.parse(clock.shiftInstant('2026-01-19T08:29:00+01:00'))).toBeLessThan(now.getTime());
  });
});
