import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderMultiples } from '../terms/terms.types.ts';
import { dailyUse, daysOfCover } from './daily-use.ts';
import { type ProposalProduct, proposeOrder, productsBelowLeadTimeCover } from './propose.ts';

// Cap Marché's 1 kg flour: one carton is the sale unit, 10 cartons a layer, 8 layers a pallet; retail orders by the layer.
const FLOUR: ProposalProduct = {
  id: 1,
  family: 'FARINE',
  temperatureClass: 'AMBIANT',
  unitsPerCarton: 1,
  cartonsPerLayer: 10,
  layersPerPallet: 8,
};
const CROISSANT: ProposalProduct = {
  id: 2,
  family: 'BOULANGERIE_SURGELEE',
  temperatureClass: 'SURGELE',
  unitsPerCarton: 60,
  cartonsPerLayer: 8,
  layersPerPallet: 6,
};
const BULK: ProposalProduct = {
  id: 3,
  family: 'FARINE',
  temperatureClass: 'AMBIANT',
  unitsPerCarton: 1,
  cartonsPerLayer: null,
  layersPerPallet: null,
};
const RETAIL: OrderMultiples = { default: 'layer', byTemperature: { SURGELE: 'carton' } };

describe('dailyUse', () => {
  it('reads use between reports as stock before + delivered − stock after, over the days', () => {
    const use = dailyUse(
      [
        { productId: 1, date: '2026-01-04', onHand: 370 },
        { productId: 1, date: '2026-01-11', onHand: 153 },
        { productId: 1, date: '2026-01-18', onHand: 96 },
      ],
      [
        { productId: 1, date: '2026-01-12', quantity: 160 },
        { productId: 1, date: '2026-01-20', quantity: 999 },
        { productId: 2, date: '2026-01-12', quantity: 50 },
      ],
    ).get(1)!;
    expect(use).toEqual({ productId: 1, perDay: 31, method: 'history', days: 14 });
  });

  it('counts a delivery on the later report day, not one on the earlier', () => {
    const use = dailyUse(
      [
        { productId: 1, date: '2026-01-01', onHand: 100 },
        { productId: 1, date: '2026-01-11', onHand: 100 },
      ],
      [
        { productId: 1, date: '2026-01-01', quantity: 500 },
        { productId: 1, date: '2026-01-11', quantity: 50 },
      ],
    ).get(1)!;
    expect(use.perDay).toBe(5);
  });

  it('leaves out an interval whose use is negative (noise) instead of letting it cancel real use', () => {
    const use = dailyUse(
      [
        { productId: 1, date: '2026-01-01', onHand: 100 },
        { productId: 1, date: '2026-01-05', onHand: 60 },
        { productId: 1, date: '2026-01-07', onHand: 90 },
      ],
      [],
    ).get(1)!;
    expect(use).toMatchObject({ perDay: 10, method: 'history', days: 4 });
  });

  it('falls back to the reported average daily sales with a single report, else knows nothing', () => {
    const use = dailyUse(
      [
        { productId: 1, date: '2026-01-18', onHand: 96, averageDailySales: 31 },
        { productId: 2, date: '2026-01-18', onHand: 10 },
      ],
      [],
    );
    expect(use.get(1)).toEqual({ productId: 1, perDay: 31, method: 'reported', days: 0 });
    expect(use.get(2)).toEqual({ productId: 2, perDay: 0, method: 'none', days: 0 });
  });

  it('keeps the last report of a day', () => {
    const use = dailyUse(
      [
        { productId: 1, date: '2026-01-01', onHand: 100 },
        { productId: 1, date: '2026-01-01', onHand: 80 },
        { productId: 1, date: '2026-01-03', onHand: 60 },
      ],
      [],
    );
    expect(use.get(1)!.perDay).toBe(10);
  });
});

describe('daysOfCover', () => {
  it('divides stock by use, and says nothing without use', () => {
    expect(daysOfCover(96, 32)).toBe(3);
    expect(daysOfCover(96, 0)).toBeNull();
    expect(daysOfCover(-5, 10)).toBe(0);
  });
});

describe('proposeOrder', () => {
  it('brings the flour back to 10 days of cover at the delivery, in whole layers', () => {
    // 140 on hand, 14 a day, 3 days to the delivery: 98 left; 10 days need 140; 42 more → 5 layers of 10 = 50.
    const [line] = proposeOrder({
      items: [{ product: FLOUR, onHand: 140, dailyUse: 14 }],
      targetCoverDays: 10,
      leadTimeDays: 3,
      multiples: RETAIL,
    });
    expect(line).toMatchObject({ quantity: 50, multiple: 'layer', multipleSize: 10, coverNow: 10, coverAtDelivery: 7, skipped: null });
    expect(line.coverAfterDelivery).toBeCloseTo(148 / 14);
  });

  it('applies the promotion uplift and counts what is already on order', () => {
    // 31 a day +250 % = 108.5; 96 on hand runs out before the delivery; 10 days = 1085 → 109 layers.
    const [promo] = proposeOrder({
      items: [{ product: FLOUR, onHand: 96, dailyUse: 31, promoUpliftBp: 25_000 }],
      targetCoverDays: 10,
      leadTimeDays: 2,
      multiples: RETAIL,
    });
    expect(promo).toMatchObject({ dailyUse: 108.5, coverAtDelivery: 0, quantity: 1090 });
    const [covered] = proposeOrder({
      items: [{ product: FLOUR, onHand: 20, onOrder: 300, dailyUse: 10 }],
      targetCoverDays: 10,
      leadTimeDays: 2,
      multiples: RETAIL,
    });
    expect(covered).toMatchObject({ quantity: 0, skipped: 'above-target' });
  });

  it('orders frozen goods by the carton, bulk by the unit, and skips a product without use', () => {
    const lines = proposeOrder({
      items: [
        { product: CROISSANT, onHand: 0, dailyUse: 100 },
        { product: BULK, onHand: 0, dailyUse: 1.5 },
        { product: FLOUR, onHand: 10, dailyUse: 0 },
      ],
      targetCoverDays: 10,
      leadTimeDays: 2,
      multiples: { default: 'pallet', byTemperature: { SURGELE: 'carton' } },
    });
    expect(lines.map((l) => [l.quantity, l.multiple, l.multipleSize, l.skipped])).toEqual([
      [1020, 'carton', 60, null],
      [15, 'pallet', 1, null],
      [0, 'pallet', 80, 'no-use'],
    ]);
  });

  it('does not add a multiple for float noise', () => {
    const [line] = proposeOrder({
      items: [{ product: FLOUR, onHand: 0, dailyUse: 0.1 * 3 }],
      targetCoverDays: 100,
      leadTimeDays: 0,
      multiples: RETAIL,
    });
    expect(line.quantity).toBe(30);
  });

  const product = fc.record({
    id: fc.constant(1),
    family: fc.constantFrom('FARINE', 'SUCRE'),
    temperatureClass: fc.constantFrom('AMBIANT' as const, 'SURGELE' as const),
    unitsPerCarton: fc.integer({ min: 1, max: 60 }),
    cartonsPerLayer: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
    layersPerPallet: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  });
  const case_ = fc.record({
    product,
    onHand: fc.integer({ min: 0, max: 5000 }),
    onOrder: fc.integer({ min: 0, max: 500 }),
    dailyUse: fc.double({ min: 0.01, max: 300, noNaN: true }),
    promoUpliftBp: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: null }),
    target: fc.integer({ min: 1, max: 40 }),
    lead: fc.integer({ min: 0, max: 10 }),
    unit: fc.constantFrom('unit' as const, 'carton' as const, 'layer' as const, 'pallet' as const),
  });

  it('always proposes whole multiples, nothing above target, and a cover after delivery at least the target', () => {
    fc.assert(
      fc.property(case_, (c) => {
        const [line] = proposeOrder({ items: [c], targetCoverDays: c.target, leadTimeDays: c.lead, multiples: { default: c.unit } });
        expect(line.quantity % line.multipleSize).toBe(0);
        expect(line.quantity).toBeGreaterThanOrEqual(0);
        if (line.coverAtDelivery! >= c.target) expect(line.quantity).toBe(0);
        else expect(line.coverAfterDelivery!).toBeGreaterThanOrEqual(c.target - 1e-6);
        // Never a whole multiple too many: one less would fall short of the target.
        if (line.quantity > 0)
          expect((line.coverAfterDelivery! * line.dailyUse - line.multipleSize) / line.dailyUse).toBeLessThan(c.target + 1e-6);
      }),
    );
  });
});

describe('productsBelowLeadTimeCover', () => {
  it('names the products that run out before an order can arrive', () => {
    const lines = proposeOrder({
      items: [
        { product: FLOUR, onHand: 20, dailyUse: 14 },
        { product: { ...FLOUR, id: 9 }, onHand: 100, dailyUse: 14 },
        { product: { ...FLOUR, id: 8 }, onHand: 0, dailyUse: 0 },
        { product: { ...FLOUR, id: 7 }, onHand: 50, dailyUse: 10, leadTimeDays: 6 },
      ],
      targetCoverDays: 10,
      leadTimeDays: 2,
      multiples: RETAIL,
    });
    expect(productsBelowLeadTimeCover(lines).map((l) => l.productId)).toEqual([1, 7]);
  });
});
