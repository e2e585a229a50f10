import { describe, expect, it } from 'vitest';
import { productRuleErrors } from './product.rules.ts';

const flour = { gtin: '3012345001014', caseGtin: null, netWeightG: 25000, grossWeightG: 25150, cartonsPerLayer: 5, layersPerPallet: 8 };

describe('productRuleErrors', () => {
  it('accepts a palletised product and a bulk one', () => {
    expect(productRuleErrors(flour)).toEqual([]);
    expect(productRuleErrors({ ...flour, cartonsPerLayer: null, layersPerPallet: null })).toEqual([]);
  });

  it('names a GTIN whose check digit is wrong', () => {
    expect(productRuleErrors({ ...flour, gtin: '3012345001015' })).toEqual([
      { path: 'gtin', code: 'check-digit', params: {}, message: 'has a wrong GS1 check digit' },
    ]);
    expect(productRuleErrors({ ...flour, caseGtin: '13012345001012' }).map((e) => e.path)).toEqual(['caseGtin']);
  });

  it('refuses half a packaging and a gross weight below the net weight', () => {
    expect(productRuleErrors({ ...flour, layersPerPallet: null }).map((e) => e.path)).toEqual(['layersPerPallet']);
    expect(productRuleErrors({ ...flour, cartonsPerLayer: null }).map((e) => e.path)).toEqual(['cartonsPerLayer']);
    expect(productRuleErrors({ ...flour, grossWeightG: 24000 }).map((e) => e.path)).toEqual(['grossWeightG']);
  });
});
