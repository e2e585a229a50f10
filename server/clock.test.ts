import { describe, expect, it } from 'vitest';
import { fixedClock, nowIso, runningClock } from './clock.ts';

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

describe('runningClock', () => {
  it('starts at the instant it is told and never goes back, so each write comes after the one before', async () => {
    const clock = runningClock('2026-03-09T08:00:00.000Z');
    const first = clock.now().getTime();
    expect(first - Date.parse('2026-03-09T08:00:00.000Z')).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now().getTime()).toBeGreaterThan(first);
    clock.advance(3_600_000);
    expect(clock.now().getTime() - first).toBeGreaterThanOrEqual(3_600_000);
  });
});
