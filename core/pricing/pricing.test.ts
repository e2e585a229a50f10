import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unitPriceFor } from './price-list.ts';
import { priceDraft } from '../orders/price-draft.ts';
import type { Product } from '../catalog/product.ts';

const tiers = [
  { productId: 1, minQuantity: 1, unitPriceCents: 1850 },
  { productId: 1, minQuantity: 40, unitPriceCents: 1790 },
  { productId: 2, minQuantity: 1, unitPriceCents: 2350 },
];

describe('unit price from the price list', () => {
  it('takes the highest tier reached', () => {
    expect(unitPriceFor(1, 10, tiers)).toBe(1850);
    expect(unitPriceFor(1, 40, tiers)).toBe(1790);
    expect(unitPriceFor(3, 10, tiers)).toBeNull();
  });

  it('never raises the unit price as the quantity grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (q, more) => (unitPriceFor(1, q + more, tiers) ?? 0) <= (unitPriceFor(1, q, tiers) ?? 0),
      ),
    );
  });
});

describe('pricing a draft', () => {
  const product = (id: number, vatRateBp: number): Product => ({
    id,
    code: `P${id}`,
    gtin: null,
    caseGtin: null,
    name: `P${id}`,
    family: 'FARINE',
    saleUnit: 'SAC',
    netWeightG: 25000,
    grossWeightG: 25150,
    vatRateBp,
    temperatureClass: 'AMBIANT',
    shelfLifeDays: null,
    status: 'active',
    unitsPerCarton: 1,
    cartonsPerLayer: 5,
    layersPerPallet: 8,
  });
  const products = new Map([
    [1, product(1, 550)],
    [2, product(2, 550)],
    [3, product(3, 2000)],
  ]);

  it('prices lines from the list and reports a product the list lacks', () => {
    const draft = priceDraft(
      [
        { productId: 1, quantity: 10 },
        { productId: 3, quantity: 1 },
      ],
      products,
      tiers,
    );
    expect(draft.lines[0]).toMatchObject({ unitPriceCents: 1850, netCents: 18500 });
    expect(draft.unpricedProductIds).toEqual([3]);
    expect(draft.totals.netCents).toBe(18500);
    expect(draft.totals.grossCents).toBe(18500 + 1018);
  });
});
