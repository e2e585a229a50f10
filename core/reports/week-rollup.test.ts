import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/dates.ts';
import { CHANNELS } from '../customers/customer-enums.ts';
import { addOrderFact, addSums, type DeliverySums, emptyDeliverySums, type OrderFact } from './figures.ts';
import { isoWeekOf } from './periods.ts';
import { type RollupDelta, rollupDeltas, weekStartOf, wholeWeeks } from './week-rollup.ts';

const fact = (orderId: number, customerId: number, assistantId: number | null, deliveredOn: string, n: number): OrderFact => ({
  orderId,
  customerId,
  assistantId,
  channel: CHANNELS[n % CHANNELS.length],
  orderedOn: addDays(deliveredOn, -2),
  dueOn: addDays(deliveredOn, -(n % 2)),
  deliveredOn,
  onTime: (n % 2) as 0 | 1,
  inFull: n % 3 === 0 ? 0 : 1,
  lateDays: n % 2 === 0 ? 1 : 0,
  leadTimeDays: 2,
  lines: 1 + (n % 4),
  linesComplete: n % 4,
  quantityOrdered: 10 + n,
  quantityDelivered: 9 + n,
  backorders: n % 5 === 0 ? 1 : 0,
  deliveryPointId: 1,
  confirmedAt: n % 7 === 0 ? null : `${orderedOnOf(deliveredOn)}T09:00`,
  confirmBy: `${orderedOnOf(deliveredOn)}T12:00`,
  confirmedOnTime: n % 7 === 0 ? 0 : 1,
  touchedBy: null,
  touchless: n % 6 === 0 ? 1 : 0,
});
const orderedOnOf = (d: string) => addDays(d, -2);

const keyOf = (k: { weekStart: string; customerId: number; assistantId: number }) => `${k.weekStart}|${k.customerId}|${k.assistantId}`;
const sumsOf = (d: RollupDelta): DeliverySums => {
  const { weekStart: _w, customerId: _c, assistantId: _a, ...s } = d;
  return s;
};

describe('the week × customer roll-up', () => {
  it('starts a week on its Monday and knows a period of whole weeks', () => {
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23'); // the Sunday after
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28'); // a week across the new year
    expect(wholeWeeks('2026-11-23', '2026-11-29')).toBe(true);
    expect(wholeWeeks('2026-11-16', '2026-11-29')).toBe(true);
    expect(wholeWeeks('2026-11-01', '2026-11-30')).toBe(false); // a month
    expect(wholeWeeks('2026-11-23', '2026-11-28')).toBe(false);
  });

  it('moves an order re-recorded in another week out of the first one', () => {
    const first = fact(1, 7, 3, '2026-11-27', 1);
    const again = { ...fact(1, 7, 3, '2026-12-01', 1), inFull: 0 as const };
    const deltas = rollupDeltas([first], [again]);
    expect(deltas.map((d) => [d.weekStart, d.orders, d.ordersInFull])).toEqual([
      ['2026-11-23', -1, -1],
      ['2026-11-30', 1, 0],
    ]);
    // The same facts again change nothing.
    expect(rollupDeltas([again], [again])).toEqual([]);
  });

  it('adds up, over any history of recordings, to the sums of the facts that remain', () => {
    const recording = fc.record({
      orderId: fc.integer({ min: 1, max: 12 }),
      customerId: fc.integer({ min: 1, max: 3 }),
      assistantId: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }),
      day: fc.integer({ min: 0, max: 40 }),
      n: fc.integer({ min: 0, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(recording, { maxLength: 40 }), (history) => {
        const facts = new Map<number, OrderFact>();
        const rollup = new Map<string, DeliverySums>();
        for (const r of history) {
          const next = fact(r.orderId, r.customerId, r.assistantId, addDays('2026-12-20', r.day), r.n);
          const before = facts.get(r.orderId);
          for (const d of rollupDeltas(before ? [before] : [], [next]))
            rollup.set(keyOf(d), addSums(rollup.get(keyOf(d)) ?? emptyDeliverySums(), sumsOf(d)));
          facts.set(r.orderId, next);
        }
        const expected = new Map<string, DeliverySums>();
        for (const o of facts.values()) {
          const k = keyOf({ weekStart: weekStartOf(o.deliveredOn), customerId: o.customerId, assistantId: o.assistantId ?? 0 });
          expected.set(k, addOrderFact(expected.get(k) ?? emptyDeliverySums(), o));
          expect(isoWeekOf(weekStartOf(o.deliveredOn))).toBe(isoWeekOf(o.deliveredOn));
        }
        const kept = new Map([...rollup].filter(([, s]) => s.orders !== 0));
        expect(Object.fromEntries(kept)).toEqual(Object.fromEntries(expected));
        // A row whose orders all left holds nothing else either.
        for (const [k, s] of rollup) if (s.orders === 0) expect(s, k).toEqual(emptyDeliverySums());
      }),
    );
  });
});
