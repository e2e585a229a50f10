import { describe, expect, it } from 'vitest';
import { productBody, productToForm } from './product-form.ts';

describe('productBody', () => {
  it('sends bulk goods with no layer and no pallet', () => {
    const body = productBody({
      ...productToForm(null),
      code: 'VRAC-T55',
      netWeightG: '1000000',
      grossWeightG: '1000000',
      cartonsPerLayer: '',
      layersPerPallet: ' ',
    });
    expect(body).toMatchObject({
      code: 'VRAC-T55',
      netWeightG: 1_000_000,
      cartonsPerLayer: null,
      layersPerPallet: null,
      vatRateBp: 550,
      gtin: null,
    });
  });
  it('keeps a bad number as typed so the server names the field', () => {
    expect(productBody({ ...productToForm(null), unitsPerCarton: '2,5' }).unitsPerCarton).toBe('2,5');
  });
});
