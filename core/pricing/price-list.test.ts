import { describe, expect, it } from 'vitest';
import { priceLines } from './price-list.ts';

describe('priceLines', () => {
  it("reads a list's tiers as one line per product: the lowest threshold's price, then the quantity tiers", () => {
    const item = (productId: number, minQuantity: number, unitPriceCents: number) => ({
      productId,
      productCode: `P${productId}`,
      productName: `Product ${productId}`,
      minQuantity,
      unitPriceCents,
    });
    expect(priceLines([item(2, 1, 900), item(1, 1, 2000), item(1, 10, 1900), item(1, 50, 1800)])).toEqual([
      { productId: 2, productCode: 'P2', productName: 'Product 2', unitPriceCents: 900, tiers: [] },
      {
        productId: 1,
        productCode: 'P1',
        productName: 'Product 1',
        unitPriceCents: 2000,
        tiers: [
          { minQuantity: 10, unitPriceCents: 1900 },
          { minQuantity: 50, unitPriceCents: 1800 },
        ],
      },
    ]);
  });
});
