import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_ITEM_KINDS, DEFAULT_MINUTES, FOLLOW_UP_KINDS, parseDayRef, parseTimedRef, TIMED_KINDS } from './day-item.ts';
import { estimateMinutes, itemEstimate, type TimingSample } from './estimates.ts';

const times = (kind: TimingSample['kind'], userId: number, minutes: number[]): TimingSample[] =>
  minutes.map((m) => ({ kind, userId, minutes: m }));

describe('an item’s estimate', () => {
  it('is its kind’s estimate when nothing is timed apart after it', () => {
    const samples = [...times('complaint', 1, [10, 30, 20, 25, 15]), ...times('order-entry', 1, [4, 4, 4, 4, 4])];
    expect(itemEstimate(samples, 'complaint', 1)).toEqual(estimateMinutes(samples, 'complaint', 1));
  });

  it('adds to an ordering call the order typed after it, each learned from its own history', () => {
    const samples = [...times('ordering-call', 1, [6, 8, 7, 9, 5]), ...times('order-entry', 1, [4, 6, 5, 3, 7, 5])];
    expect(itemEstimate(samples, 'ordering-call', 1)).toEqual({ minutes: 7 + 5, source: 'own-history', samples: 5 });
  });

  it('says the less learned part: a call from her history and an entry from the default is a default', () => {
    const samples = times('ordering-call', 1, [6, 8, 7, 9, 5]);
    expect(itemEstimate(samples, 'ordering-call', 1)).toEqual({
      minutes: 7 + DEFAULT_MINUTES['order-entry'],
      source: 'default',
      samples: 0,
    });
    const desk = [...samples, ...times('order-entry', 2, [3, 5, 4])];
    expect(itemEstimate(desk, 'ordering-call', 1)).toEqual({ minutes: 11, source: 'desk-history', samples: 3 });
  });

  it('is never less than its kind’s own estimate, and the sum of the parts', () => {
    const sample = fc.record({
      kind: fc.constantFrom(...TIMED_KINDS),
      userId: fc.integer({ min: 1, max: 2 }),
      minutes: fc.integer({ min: 1, max: 90 }),
    });
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 40 }), fc.constantFrom(...DAY_ITEM_KINDS), (samples, kind) => {
        const e = itemEstimate(samples, kind, 1);
        const own = estimateMinutes(samples, kind, 1);
        const step = FOLLOW_UP_KINDS[kind];
        expect(e.minutes).toBe(own.minutes + (step ? estimateMinutes(samples, step, 1).minutes : 0));
      }),
    );
  });
});

describe('a timed reference', () => {
  it('names an item or a step timed apart; the day’s references are items only', () => {
    expect(parseTimedRef('order-entry:12')).toEqual({ kind: 'order-entry', id: 12 });
    expect(parseTimedRef('edi-order:3')).toEqual({ kind: 'edi-order', id: 3 });
    expect(parseDayRef('order-entry:12')).toBeNull();
    expect(parseTimedRef('lunch:1')).toBeNull();
    expect(parseTimedRef('complaint:0')).toBeNull();
  });
});
