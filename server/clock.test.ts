import { describe, expect, it } from 'vitest';
import { fixedClock, nowIso } from './clock.ts';

describe('fixedClock', () => {
  it('says the instant it is told, moves only when told, and hands out copies', () => {
    const clock = fixedClock('2026-12-06T23:59:30.000Z');
    const seen = clock.now();
    seen.setTime(0);
    expect(nowIso(clock)).toBe('2026-12-06T23:59:30.000Z');
    clock.advance(60_000);
    expect(nowIso(clock)).toBe('2026-12-07T00:00:30.000Z');
    clock.set(new Date('2027-01-01T08:30:00.000Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T08:30:00.000Z');
  });
});
