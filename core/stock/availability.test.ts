import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../calendar/dates.ts';
import { dayNumber } from './day-number.ts';
import { availability } from './availability.ts';
import type { AvailabilityInput } from './availability.types.ts';
import { lotAcceptable } from './shelf-life.ts';

const D0 = '2026-01-19';
// 270-day life: OLD has 100 days left on the 19th (37 %), NEW 263 (97 %).
const twoLots = [
  { warehouseId: 1, lot: 'OLD', productionDate: '2025-07-31', bestBefore: '2026-04-29', quantity: 100 },
  { warehouseId: 1, lot: 'NEW', productionDate: '2026-01-12', bestBefore: '2026-10-09', quantity: 200 },
];
const base: AvailabilityInput = { stockByWarehouse: [], lots: [], receipts: [], reservations: [], shelfLifeDays: 270 };

describe('availability', () => {
  it('promises on hand − reserved − earlier orders, and adds a receipt from its date', () => {
    const input: AvailabilityInput = {
      ...base,
      stockByWarehouse: [{ warehouseId: 1, onHand: 100, reserved: 10 }],
      receipts: [{ warehouseId: 1, date: '2026-01-22', quantity: 50 }],
      reservations: [{ date: '2026-01-20', quantity: 30 }],
    };
    expect(availability(7, '2026-01-19', input).promisable).toBe(60);
    expect(availability(7, '2026-01-21', input).promisable).toBe(60);
    expect(availability(7, '2026-01-22', input).promisable).toBe(110);
    const a = availability(7, '2026-01-21', input);
    expect([a.earliestCompleteDate(60), a.earliestCompleteDate(61), a.earliestCompleteDate(110), a.earliestCompleteDate(111)]).toEqual([
      '2026-01-21',
      '2026-01-22',
      '2026-01-22',
      null,
    ]);
    expect(a.byWarehouse).toEqual([
      { warehouseId: 1, onHand: 100, reserved: 10, tooOld: 0, receipts: 0, reservations: 30, promisable: 60 },
    ]);
  });

  it('does not promise today what a later order was promised and no receipt replaces in time', () => {
    const input: AvailabilityInput = {
      ...base,
      stockByWarehouse: [{ warehouseId: 1, onHand: 100, reserved: 0 }],
      reservations: [{ date: '2026-01-25', quantity: 80 }],
      receipts: [{ warehouseId: 1, date: '2026-01-30', quantity: 100 }],
    };
    expect(availability(7, '2026-01-20', input).promisable).toBe(20);
    expect(availability(7, '2026-01-30', input).promisable).toBe(120);
  });

  it("keeps a lot too old for a retailer's 66 % out of his promise, not out of an artisan's", () => {
    // 270-day life, 100 days left on the 19th: 37 % for Cap Marché (66 %), fine for an artisan.
    const input: AvailabilityInput = {
      ...base,
      stockByWarehouse: [{ warehouseId: 1, onHand: 300, reserved: 0 }],
      lots: twoLots,
    };
    expect(availability(7, D0, input).promisable).toBe(300);
    const retailer = availability(7, D0, { ...input, minRemainingShelfLifePct: 66 });
    expect(retailer.promisable).toBe(200);
    expect(retailer.byWarehouse[0].tooOld).toBe(100);
  });

  it('lets other orders take the oldest lots first (FEFO), which leaves the fresh ones to the retailer', () => {
    const input: AvailabilityInput = {
      ...base,
      stockByWarehouse: [{ warehouseId: 1, onHand: 300, reserved: 0 }],
      lots: twoLots,
      reservations: [{ date: D0, quantity: 100 }],
      minRemainingShelfLifePct: 66,
    };
    expect(availability(7, D0, input).promisable).toBe(200);
  });

  it('counts only what is on hand when the lots add up to more (the oldest left first)', () => {
    const input: AvailabilityInput = {
      ...base,
      stockByWarehouse: [{ warehouseId: 1, onHand: 150, reserved: 0 }],
      lots: twoLots,
      minRemainingShelfLifePct: 66,
    };
    expect(availability(7, D0, input).promisable).toBe(150);
  });

  it('judges the share of life left by the lot’s own life and refuses a lot past its DDM', () => {
    expect(lotAcceptable({ productionDate: '2026-01-01', bestBefore: '2026-01-11' }, '2026-01-04', 70, null)).toBe(true);
    expect(lotAcceptable({ productionDate: '2026-01-01', bestBefore: '2026-01-11' }, '2026-01-05', 70, null)).toBe(false);
    expect(lotAcceptable({ productionDate: null, bestBefore: '2026-01-11' }, '2026-01-12', null, 10)).toBe(false);
    expect(lotAcceptable({ productionDate: null, bestBefore: '2026-01-11' }, '2026-01-11', 0, 10)).toBe(true);
  });
});

const day = (n: number) => addDays(D0, n);
const inputs = fc.record({
  levels: fc.array(
    fc.record({
      warehouseId: fc.integer({ min: 1, max: 2 }),
      onHand: fc.integer({ min: 0, max: 200 }),
      reserved: fc.integer({ min: 0, max: 80 }),
    }),
    { maxLength: 2 },
  ),
  lots: fc.array(
    fc.record({
      warehouseId: fc.integer({ min: 1, max: 2 }),
      made: fc.integer({ min: -300, max: 0 }),
      life: fc.integer({ min: 5, max: 300 }),
      quantity: fc.integer({ min: 1, max: 120 }),
    }),
    { maxLength: 5 },
  ),
  receipts: fc.array(
    fc.record({
      warehouseId: fc.integer({ min: 1, max: 2 }),
      at: fc.integer({ min: 0, max: 30 }),
      quantity: fc.integer({ min: 1, max: 150 }),
    }),
    { maxLength: 4 },
  ),
  reservations: fc.array(fc.record({ at: fc.integer({ min: 0, max: 30 }), quantity: fc.integer({ min: 1, max: 100 }) }), { maxLength: 6 }),
  pct: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
  shelf: fc.option(fc.integer({ min: 10, max: 300 }), { nil: null }),
});

type Generated = typeof inputs extends fc.Arbitrary<infer T> ? T : never;
function build(x: Generated): AvailabilityInput {
  const levels = new Map(x.levels.map((l) => [l.warehouseId, l]));
  return {
    stockByWarehouse: [...levels.values()],
    lots: x.lots.map((l, i) => ({
      warehouseId: l.warehouseId,
      lot: `L${i}`,
      productionDate: day(l.made),
      bestBefore: day(l.made + l.life),
      quantity: l.quantity,
    })),
    receipts: x.receipts.map((r) => ({ warehouseId: r.warehouseId, date: day(r.at), quantity: r.quantity })),
    reservations: x.reservations.map((r) => ({ date: day(r.at), quantity: r.quantity })),
    minRemainingShelfLifePct: x.pct,
    shelfLifeDays: x.shelf,
  };
}

describe('availability properties', () => {
  it('counts days by arithmetic exactly as the calendar does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 40_000 }), (n) => {
        expect(dayNumber(addDays('2000-02-29', n)) - dayNumber('2000-02-29')).toBe(daysBetween('2000-02-29', addDays('2000-02-29', n)));
      }),
    );
    expect(dayNumber('1970-01-01')).toBe(0);
  });

  it('never promises more than on hand + receipts − reserved − reservations by that date', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 0, max: 35 }), (x, at) => {
        const input = build(x);
        const date = day(at);
        const a = availability(1, date, input);
        const ceiling =
          input.stockByWarehouse.reduce((s, l) => s + l.onHand - l.reserved, 0) +
          input.receipts.filter((r) => r.date <= date).reduce((s, r) => s + r.quantity, 0) -
          input.reservations.filter((r) => r.date <= date).reduce((s, r) => s + r.quantity, 0);
        expect(a.promisable).toBeGreaterThanOrEqual(0);
        expect(a.promisable).toBeLessThanOrEqual(Math.max(0, ceiling));
        expect(a.promisable).toBeLessThanOrEqual(a.byWarehouse.reduce((s, w) => s + w.promisable, 0));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the earliest date a quantity is complete: it is complete then, and on no day before', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 400 }), (x, at, quantity) => {
        const input = build(x);
        const from = day(at);
        const earliest = availability(1, from, input).earliestCompleteDate(quantity);
        const horizon = 40;
        let found: string | null = null;
        for (let d = at; d <= horizon && found === null; d++) if (availability(1, day(d), input).promisable >= quantity) found = day(d);
        expect(earliest).toBe(found);
      }),
      { numRuns: 300 },
    );
  });
});
