import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/dates.ts';
import { FefoPool } from './fefo-pool.ts';
import { pickLots } from './lot-picking.ts';
import { lotAcceptable } from './shelf-life.ts';

// 270-day life: OLD has 100 days left on the 19th (37 %), MID 200 (74 %), NEW 263 (97 %).
const lots = [
  { lot: 'NEW', productionDate: '2026-01-12', bestBefore: '2026-10-09', quantity: 200 },
  { lot: 'OLD', productionDate: '2025-07-31', bestBefore: '2026-04-29', quantity: 100 },
  { lot: 'MID', productionDate: '2025-11-07', bestBefore: '2026-08-07', quantity: 50 },
] as const;
const on19 = { deliveryDate: '2026-01-19', shelfLifeDays: 270 } as const;

describe('pickLots', () => {
  it('ships the oldest lots first when the customer sets no minimum', () => {
    const picked = pickLots(new FefoPool(350, [...lots]), { ...on19, quantity: 120, minRemainingShelfLifePct: null });
    expect(picked).toEqual([
      { lot: 'OLD', productionDate: '2025-07-31', bestBefore: '2026-04-29', quantity: 100, belowMinShelfLife: false },
      { lot: 'MID', productionDate: '2025-11-07', bestBefore: '2026-08-07', quantity: 20, belowMinShelfLife: false },
    ]);
  });

  it("skips a lot with less than the retailer's 66 % of life left, and the next line of the shipment takes what is left", () => {
    const pool = new FefoPool(350, [...lots]);
    expect(pickLots(pool, { ...on19, quantity: 80, minRemainingShelfLifePct: 66 }).map((p) => [p.lot, p.quantity])).toEqual([
      ['MID', 50],
      ['NEW', 30],
    ]);
    // An artisan on the same truck takes the old lot.
    expect(pickLots(pool, { ...on19, quantity: 30, minRemainingShelfLifePct: null }).map((p) => [p.lot, p.quantity])).toEqual([
      ['OLD', 30],
    ]);
  });

  it('ships too-old lots flagged when the acceptable ones run out, and goods no lot accounts for without a lot', () => {
    // On hand 400 but lots for 350: 50 units are counted without a lot on file.
    const picked = pickLots(new FefoPool(400, [...lots]), { ...on19, quantity: 390, minRemainingShelfLifePct: 66 });
    expect(picked.map((p) => [p.lot, p.quantity, p.belowMinShelfLife])).toEqual([
      ['MID', 50, false],
      ['NEW', 200, false],
      [null, 50, false],
      ['OLD', 90, true],
    ]);
  });

  it('never ships an expired lot: beyond the lots within their DDM the goods leave without a lot', () => {
    const picked = pickLots(new FefoPool(100, [{ lot: 'GONE', productionDate: null, bestBefore: '2026-01-10', quantity: 100 }]), {
      ...on19,
      quantity: 40,
      minRemainingShelfLifePct: null,
    });
    expect(picked).toEqual([{ lot: null, productionDate: null, bestBefore: null, quantity: 40, belowMinShelfLife: false }]);
  });

  it('always accounts for the whole quantity, and flags exactly the lots the customer would refuse (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ days: fc.integer({ min: -20, max: 300 }), quantity: fc.integer({ min: 0, max: 50 }) }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 300 }),
        fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
        (spec, onHand, quantity, pct) => {
          const filed = spec.map((l, i) => ({
            lot: `L${i}`,
            productionDate: null,
            bestBefore: addDays('2026-01-19', l.days),
            quantity: l.quantity,
          }));
          const picked = pickLots(new FefoPool(onHand, filed), { ...on19, quantity, minRemainingShelfLifePct: pct });
          expect(picked.reduce((s, p) => s + p.quantity, 0)).toBe(quantity);
          for (const p of picked.filter((x) => x.lot !== null)) {
            expect(p.bestBefore! >= '2026-01-19').toBe(true);
            expect(p.belowMinShelfLife).toBe(!lotAcceptable(p, '2026-01-19', pct, 270));
          }
        },
      ),
    );
  });
});
