import { describe, expect, it } from 'vitest';
import { hasValidGs1CheckDigit, packagingEquivalents } from './packaging.ts';
import { matchProducts } from './match-product.ts';
import type { Product } from './product.ts';

const base = {
  caseGtin: null,
  family: 'FARINE',
  saleUnit: 'SAC',
  netWeightG: 25000,
  grossWeightG: 25150,
  vatRateBp: 550,
  temperatureClass: 'AMBIANT',
  shelfLifeDays: 270,
  status: 'active',
  unitsPerCarton: 1,
  cartonsPerLayer: 5,
  layersPerPallet: 8,
} as const;
const products: Product[] = [
  { ...base, id: 1, code: 'FAR-T65-S25', gtin: '3012345001038', name: 'Farine de blé T65 tradition — sac 25 kg' },
  { ...base, id: 2, code: 'FAR-T65-S10', gtin: '3012345001045', name: 'Farine de blé T65 tradition — sac 10 kg' },
  { ...base, id: 3, code: 'SUC-GLA-S10', gtin: '3012345002011', name: 'Sucre glace — sac 10 kg' },
  { ...base, id: 4, code: 'FAR-T80-S25', gtin: '3012345001052', name: 'Farine bise T80 — sac 25 kg', status: 'discontinued' },
];

describe('packaging', () => {
  it('shows a quantity as cartons, layers and pallets', () => {
    expect(packagingEquivalents(50, base)).toEqual({ cartons: 50, layers: 10, pallets: 1.25 });
  });

  it('has no layer or pallet for bulk goods', () => {
    expect(packagingEquivalents(12, { unitsPerCarton: 1, cartonsPerLayer: null, layersPerPallet: null })).toEqual({
      cartons: 12,
      layers: null,
      pallets: null,
    });
  });

  it('checks GS1 check digits', () => {
    expect(hasValidGs1CheckDigit('3012345001014')).toBe(true);
    expect(hasValidGs1CheckDigit('3012345001015')).toBe(false);
    expect(hasValidGs1CheckDigit('3012345000017')).toBe(true);
  });
});

describe('product matching', () => {
  it('finds by the customer’s own code first', () => {
    const [first] = matchProducts('bm-12', products, [{ code: 'BM-12', productId: 3 }]);
    expect(first.product.code).toBe('SUC-GLA-S10');
    expect(first.matchedBy).toBe('customerCode');
  });

  it('finds by GTIN and by our code', () => {
    expect(matchProducts('3012345001045', products)[0].product.id).toBe(2);
    expect(matchProducts('suc-gla', products)[0].product.id).toBe(3);
  });

  it('finds by words of the name, accents ignored', () => {
    const result = matchProducts('t65 25', products);
    expect(result[0].product.code).toBe('FAR-T65-S25');
    expect(matchProducts('sucre glace', products)[0].product.id).toBe(3);
    expect(matchProducts('farine ble', products).map((m) => m.product.id)).toContain(1);
  });

  it('takes a whole part of our code over a longer name, and the customer’s usual pack among equals', () => {
    const withBio = [...products, { ...base, id: 5, code: 'FAR-T65BIO-1KG', gtin: null, name: 'Farine T65 bio 1 kg' }];
    expect(
      matchProducts('T65', withBio)
        .map((m) => m.product.code)
        .slice(0, 2),
    ).toEqual(['FAR-T65-S10', 'FAR-T65-S25']);
    expect(
      matchProducts(
        'T65',
        withBio,
        [],
        8,
        new Map([
          [1, 12],
          [2, 1],
        ]),
      )[0].product.code,
    ).toBe('FAR-T65-S25');
  });

  it('puts discontinued products last', () => {
    const result = matchProducts('farine', products);
    expect(result[result.length - 1].product.id).toBe(4);
  });
});
