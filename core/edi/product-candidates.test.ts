import { describe, expect, it } from 'vitest';
import { descriptionWords, rankCandidates } from './product-candidates.ts';

const products = [
  { id: 1, code: 'FAR-T45-1KG', name: 'Farine de blé fluide T45 1 kg — colis de 10', family: 'farines' },
  { id: 2, code: 'FAR-T55-1KG', name: 'Farine de blé T55 1 kg — colis de 10', family: 'farines' },
  { id: 3, code: 'FAR-T65BIO-1KG', name: 'Farine de blé T65 biologique 1 kg — colis de 10', family: 'farines' },
  { id: 4, code: 'FAR-T65-S25', name: 'Farine de blé T65 pour pain de tradition française — sac 25 kg', family: 'farines' },
  { id: 5, code: 'SUC-CRI-1KG', name: 'Sucre cristal 1 kg', family: 'sucres' },
  { id: 6, code: 'LEV-FRA-500', name: 'Levure fraîche 500 g', family: 'levures' },
];

describe('descriptionWords', () => {
  it('splits a quantity from its unit and drops a pack count’s X', () => {
    expect(descriptionWords('FARINE T65 BIO 1KG X10')).toEqual(['farine', 't65', 'bio', '1', 'kg', '10']);
    expect(descriptionWords('Farine de blé — sac 25 kg')).toEqual(['farine', 'de', 'ble', 'sac', '25', 'kg']);
  });
});

describe('rankCandidates', () => {
  it('proposes first the product the line’s own description names (IMD free text)', () => {
    const ranked = rankCandidates('FARINE T65 BIO 1KG X10', products, new Set([1, 2, 5]));
    expect(ranked[0].product.code).toBe('FAR-T65BIO-1KG');
    // A listed 1 kg flour says fewer of its words than the organic T65, but comes before the 25 kg T65 sack.
    expect(ranked.map((r) => r.product.code).slice(1, 4)).toEqual(['FAR-T45-1KG', 'FAR-T55-1KG', 'FAR-T65-S25']);
    expect(ranked.find((r) => r.product.code === 'LEV-FRA-500')).toBeUndefined();
  });

  it('puts the customer’s agreed assortment first among products the line describes equally well', () => {
    const ranked = rankCandidates('FARINE 1KG', products, new Set([2]));
    expect(ranked[0]).toMatchObject({ product: { code: 'FAR-T55-1KG' }, listed: true });
  });

  it('without a description, proposes the customer’s assortment by code', () => {
    const ranked = rankCandidates(null, products, new Set([5, 1]));
    expect(ranked.map((r) => [r.product.code, r.listed])).toEqual([
      ['FAR-T45-1KG', true],
      ['SUC-CRI-1KG', true],
    ]);
  });

  it('stops at the limit', () => {
    expect(rankCandidates('farine', products, new Set(), 2)).toHaveLength(2);
  });
});
