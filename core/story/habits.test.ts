import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from '../calendar/dates.ts';
import { CHANNELS } from '../customers/customer-enums.ts';
import { ORDER_STATUSES } from '../orders/lifecycle.ts';
import { customerHabits, type HabitOrder, USUAL_SHARE_BP } from './habits.ts';

const TODAY = '2026-12-07'; // a Monday
const T65 = 1;
const GRUAU = 2;
const SUGAR = 3;

let nextId = 1;
function order(date: string, lines: [number, number][], more: Partial<HabitOrder> = {}): HabitOrder {
  const id = nextId++;
  return {
    id,
    number: `CMD-${id}`,
    date,
    channel: 'phone',
    netCents: 40_000,
    status: 'closed',
    lines: lines.map(([productId, quantity]) => ({ productId, quantity, status: 'delivered' })),
    ...more,
  };
}

describe('customerHabits', () => {
  // Boulangerie Martin calls on Monday and Thursday: 10 sacks of T65 each time, gruau one call in two.
  const mondaysAndThursdays = Array.from({ length: 8 }, (_, week) => addDays(TODAY, -7 * (week + 1))).flatMap((monday) => [
    monday,
    addDays(monday, 3),
  ]);
  const martin = mondaysAndThursdays.map((date, i) =>
    order(
      date,
      i % 2
        ? [[T65, 10]]
        : [
            [T65, 10],
            [GRUAU, 4],
          ],
    ),
  );

  it('tells his usual products with their quantity and rhythm, his days, his average and his channels', () => {
    const odd = order(
      addDays(TODAY, -4),
      [
        [T65, 12],
        [SUGAR, 2],
      ],
      { channel: 'portal', netCents: 10_001 },
    ); // a Thursday
    const habits = customerHabits([...martin, odd], { today: TODAY });
    expect(habits.orders).toBe(17);
    expect(habits.usualProducts).toEqual([
      { productId: T65, orders: 17, shareBp: 10_000, medianQuantity: 10, rhythmDays: 3 },
      { productId: GRUAU, orders: 8, shareBp: 4705, medianQuantity: 4, rhythmDays: 7 },
    ]);
    expect(habits.weekdays).toEqual(['MON', 'THU']);
    // (16 × 400 € + 100.01 €) / 17 = 382.3535… €: rounded half away from zero to the cent.
    expect(habits.averageNetCents).toBe(38_235);
    expect(habits.channels).toEqual([
      { channel: 'phone', orders: 16 },
      { channel: 'portal', orders: 1 },
    ]);
    expect(habits.lastOrder).toEqual({ id: odd.id, number: odd.number, date: addDays(TODAY, -4) });
  });

  it('leaves out drafts, cancelled orders, cancelled lines and what is older than the window', () => {
    const draft = order(TODAY, [[SUGAR, 50]], { status: 'draft', channel: 'edi' });
    const cancelled = order(addDays(TODAY, -1), [[SUGAR, 50]], { status: 'cancelled', channel: 'edi' });
    const withCancelledLine: HabitOrder = {
      ...order(addDays(TODAY, -2), [[T65, 10]]),
      lines: [
        { productId: T65, quantity: 10, status: 'delivered' },
        { productId: SUGAR, quantity: 50, status: 'cancelled' },
      ],
    };
    const old = Array.from({ length: 10 }, (_, i) => order(addDays(TODAY, -200 - i), [[SUGAR, 50]], { channel: 'edi' }));
    const habits = customerHabits([...martin, draft, cancelled, withCancelledLine, ...old], { today: TODAY });
    expect(habits.orders).toBe(17);
    expect(habits.usualProducts.map((p) => p.productId)).toEqual([T65, GRUAU]);
    expect(habits.channels).toEqual([{ channel: 'phone', orders: 17 }]);
    expect(habits.lastOrder?.id).toBe(withCancelledLine.id);
  });

  it('still names his last order when he has not ordered for months, and no habit from a single order', () => {
    const lone = order(addDays(TODAY, -400), [[T65, 3]]);
    expect(customerHabits([lone], { today: TODAY })).toMatchObject({
      orders: 0,
      usualProducts: [],
      weekdays: [],
      averageNetCents: null,
      channels: [],
      lastOrder: { id: lone.id, date: addDays(TODAY, -400) },
    });
    const one = customerHabits([order(TODAY, [[T65, 3]])], { today: TODAY });
    expect(one).toMatchObject({ orders: 1, usualProducts: [], weekdays: [], averageNetCents: 40_000 });
    expect(customerHabits([], { today: TODAY }).lastOrder).toBeNull();
  });

  it('sums two lines of one product in one order, and takes the median quantity rounded half up', () => {
    const orders = [
      order('2026-12-01', [
        [T65, 2],
        [T65, 3],
      ]),
      order('2026-12-03', [[T65, 6]]),
    ];
    expect(customerHabits(orders, { today: TODAY }).usualProducts[0]).toMatchObject({ medianQuantity: 6, rhythmDays: 2 });
    const three = [order('2026-12-01', [[T65, 5]]), order('2026-12-02', [[T65, 6]]), order('2026-12-06', [[T65, 7]])];
    expect(customerHabits(three, { today: TODAY }).usualProducts[0]).toMatchObject({ medianQuantity: 6, rhythmDays: 3 }); // gaps 1 and 4
  });

  const arbitraryOrder = fc.record({
    id: fc.integer({ min: 1, max: 100_000 }),
    number: fc.string({ maxLength: 8 }),
    date: fc.integer({ min: 0, max: 400 }).map((d) => addDays(TODAY, -d)),
    channel: fc.constantFrom(...CHANNELS),
    netCents: fc.integer({ min: 0, max: 10_000_000 }),
    status: fc.constantFrom(...ORDER_STATUSES),
    lines: fc.array(
      fc.record({
        productId: fc.integer({ min: 1, max: 6 }),
        quantity: fc.integer({ min: 1, max: 500 }),
        status: fc.constantFrom('open' as const, 'delivered' as const, 'cancelled' as const),
      }),
      { maxLength: 6 },
    ),
  });
  const orders = fc.uniqueArray(arbitraryOrder, { selector: (o) => o.id, maxLength: 60 });

  it('answers the same whatever the order of the rows', () => {
    fc.assert(
      fc.property(orders, (list) => {
        expect(customerHabits([...list].reverse(), { today: TODAY })).toEqual(customerHabits(list, { today: TODAY }));
      }),
    );
  });

  it('keeps its figures within what the orders say', () => {
    fc.assert(
      fc.property(orders, (list) => {
        const habits = customerHabits(list, { today: TODAY });
        const counted = list.filter((o) => !['draft', 'cancelled'].includes(o.status) && o.date >= habits.from && o.date <= TODAY);
        expect(habits.orders).toBe(counted.length);
        expect(habits.channels.reduce((s, c) => s + c.orders, 0)).toBe(counted.length);
        if (counted.length) {
          const nets = counted.map((o) => o.netCents);
          expect(habits.averageNetCents).toBeGreaterThanOrEqual(Math.min(...nets));
          expect(habits.averageNetCents).toBeLessThanOrEqual(Math.max(...nets));
        }
        for (const p of habits.usualProducts) {
          expect(p.shareBp).toBeGreaterThanOrEqual(USUAL_SHARE_BP);
          expect(p.orders).toBeLessThanOrEqual(counted.length);
          expect(p.medianQuantity).toBeGreaterThanOrEqual(1);
        }
        for (const d of habits.weekdays) expect(counted.some((o) => weekdayOf(o.date) === d)).toBe(true);
      }),
    );
  });
});
