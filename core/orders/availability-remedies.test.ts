import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/dates.ts';
import { price } from '../pricing/price.ts';
import { availability } from '../stock/availability.ts';
import { type AvailabilityPayload, availabilityContext } from '../stock/availability-context.ts';
import type { AvailabilityInput } from '../stock/availability.types.ts';
import { check } from '../terms/check.ts';
import { applyRemedy, availabilityRemedies } from './availability-remedies.ts';
import type { OrderDraft } from './order-draft.types.ts';
import type { RulesContext } from './rules-context.types.ts';
import { T45, T65, context, draft } from './rules.fixtures.ts';

// What order entry shows of the stock is the `availability` rule of core/stock, to the unit: the finding at entry
// is checked here against it on any stock, lots, receipts, other orders and shelf-life demand; and each one-key
// remedy, applied, leaves nothing short on that line.

const D0 = context().today.date;
const day = fc.integer({ min: 0, max: 12 }).map((n) => addDays(D0, n));
const stockOf = (withLots: boolean) =>
  fc.record({
    stockByWarehouse: fc.uniqueArray(
      fc.record({
        warehouseId: fc.constantFrom(1, 2),
        onHand: fc.integer({ min: 0, max: 300 }),
        reserved: fc.integer({ min: 0, max: 60 }),
      }),
      { maxLength: 2, selector: (s: { warehouseId: number }) => s.warehouseId },
    ),
    lots: withLots
      ? fc.array(
          fc.record({
            warehouseId: fc.constantFrom(1, 2),
            lot: fc.string({ minLength: 1, maxLength: 4 }),
            productionDate: fc.constant(null),
            bestBefore: fc.integer({ min: -5, max: 300 }).map((n) => addDays(D0, n)),
            quantity: fc.integer({ min: 1, max: 150 }),
          }),
          { maxLength: 3 },
        )
      : fc.constant([]),
    receipts: fc.array(fc.record({ warehouseId: fc.constantFrom(1, 2), date: day, quantity: fc.integer({ min: 1, max: 200 }) }), {
      maxLength: 3,
    }),
    reservations: fc.array(fc.record({ warehouseId: fc.constantFrom(1, 2, null), date: day, quantity: fc.integer({ min: 1, max: 120 }) }), {
      maxLength: 3,
    }),
    shelfLifeDays: fc.constant(270),
  });

const scenario = fc.record({
  main: stockOf(true),
  sub: stockOf(false),
  minPct: fc.constantFrom(null, 50, 66),
  quantity: fc.integer({ min: 1, max: 500 }),
  date: day,
});

type Stock = Omit<AvailabilityInput, 'minRemainingShelfLifePct'>;
const mutable = (x: Stock): Omit<AvailabilityPayload['products'][number], 'productId' | 'substituteIds'> => ({
  stockByWarehouse: [...x.stockByWarehouse],
  lots: [...x.lots],
  receipts: [...x.receipts],
  reservations: [...x.reservations],
  shelfLifeDays: x.shelfLifeDays,
});
type Scenario = { main: Stock; sub: Stock; minPct: number | null; quantity: number; date: string };

function setUp(s: Scenario) {
  const ctx: RulesContext = context({
    availability: availabilityContext({
      minRemainingShelfLifePct: s.minPct,
      products: [
        { productId: T65, substituteIds: [T45], ...mutable(s.main) },
        { productId: T45, substituteIds: [], ...mutable(s.sub) },
      ],
    }),
  });
  const order: OrderDraft = draft([{ productId: T65, quantity: s.quantity }], { requestedDate: s.date });
  return { ctx, order };
}
const shortOn = (order: OrderDraft, ctx: RulesContext) => check(order, price(order, ctx), ctx).filter((f) => f.rule === 'availability');

describe('the availability finding at entry', () => {
  it('says what core/stock availability says: shortfall, earliest complete date, substitutes that can help', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { ctx, order } = setUp(s);
        const a = availability(T65, s.date, { ...s.main, minRemainingShelfLifePct: s.minPct });
        const found = shortOn(order, ctx);
        if (s.quantity <= a.promisable) {
          expect(found).toEqual([]);
          return;
        }
        expect(found).toHaveLength(1);
        const sub = availability(T45, s.date, { ...s.sub, minRemainingShelfLifePct: s.minPct }).promisable;
        expect(found[0]).toMatchObject({
          lineIndex: 0,
          severity: a.earliestCompleteDate(s.quantity) ? 'warning' : 'approval',
          data: {
            quantity: s.quantity,
            promisable: a.promisable,
            shortfall: s.quantity - a.promisable,
            date: s.date,
            earliestCompleteDate: a.earliestCompleteDate(s.quantity),
            substituteIds: sub > 0 ? [T45] : [],
          },
        });
      }),
      { numRuns: 300 },
    );
  });

  it('offers one-key remedies that each serve the line once applied', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { ctx, order } = setUp(s);
        const found = shortOn(order, ctx);
        const remedies = availabilityRemedies(order, found, ctx);
        if (found.length === 0) {
          expect(remedies).toEqual([]);
          return;
        }
        const kinds = remedies.map((r) => r.kind);
        const data = found[0].data;
        expect(kinds.includes('partial')).toBe(Number(data.promisable) > 0);
        expect(kinds.includes('date')).toBe(data.earliestCompleteDate !== null);
        for (const r of remedies) {
          const next = applyRemedy(order, r);
          const left = shortOn(next, ctx);
          // A substitute short itself is offered for what it has: its own finding then names it.
          if (
            r.kind === 'substitute' &&
            next.lines[0].quantity > availability(T45, s.date, { ...s.sub, minRemainingShelfLifePct: s.minPct }).promisable
          )
            continue;
          expect(left, r.kind).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('moves the whole order to the date that serves every short line', () => {
    const stock = { stockByWarehouse: [{ warehouseId: 1, onHand: 10, reserved: 0 }], lots: [], reservations: [], shelfLifeDays: 270 };
    const ctx = context({
      availability: availabilityContext({
        minRemainingShelfLifePct: null,
        products: [
          { productId: T65, substituteIds: [], ...stock, receipts: [{ warehouseId: 1, date: addDays(D0, 3), quantity: 50 }] },
          { productId: T45, substituteIds: [], ...stock, receipts: [{ warehouseId: 1, date: addDays(D0, 5), quantity: 50 }] },
        ],
      }),
    });
    const order = draft(
      [
        { productId: T65, quantity: 20 },
        { productId: T45, quantity: 20 },
      ],
      { requestedDate: D0 },
    );
    const remedies = availabilityRemedies(order, shortOn(order, ctx), ctx);
    expect(remedies.filter((r) => r.kind === 'date').map((r) => r.changes)).toEqual([
      [{ op: 'setRequestedDate', date: addDays(D0, 5) }],
      [{ op: 'setRequestedDate', date: addDays(D0, 5) }],
    ]);
    expect(shortOn(applyRemedy(order, remedies[0]), ctx)).toEqual([]);
  });
});
