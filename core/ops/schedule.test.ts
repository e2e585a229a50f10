import { describe, expect, it } from 'vitest';
import { isCronExpression, nextRunAfter } from './schedule.ts';

describe('backup schedule', () => {
  it('reads "0 2 * * *" as 2 a.m. in Paris, in winter and in summer', () => {
    expect(nextRunAfter('0 2 * * *', new Date('2026-12-06T08:00:00Z'))?.toISOString()).toBe('2026-12-07T01:00:00.000Z');
    expect(nextRunAfter('0 2 * * *', new Date('2026-07-06T08:00:00Z'))?.toISOString()).toBe('2026-07-07T00:00:00.000Z');
  });

  it('gives the next run strictly after the instant given', () => {
    expect(nextRunAfter('*/15 * * * *', new Date('2026-12-06T08:15:00Z'))?.toISOString()).toBe('2026-12-06T08:30:00.000Z');
  });

  it('tells a cron expression from a typo', () => {
    expect(isCronExpression('0 2 * * *')).toBe(true);
    expect(isCronExpression('0 25 * * *')).toBe(false);
    expect(isCronExpression('every night')).toBe(false);
  });
});
