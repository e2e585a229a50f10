import { describe, expect, it } from 'vitest';
import { packagingParts } from './packaging-text.ts';

describe('packagingParts', () => {
  it('shows sacks as layers and pallets, with no carton for a sack', () => {
    expect(packagingParts(10, { unitsPerCarton: 1, cartonsPerLayer: 5, layersPerPallet: 8 })).toEqual([
      { kind: 'unit', count: 10 },
      { kind: 'layer', count: 2 },
      { kind: 'pallet', count: 0.25 },
    ]);
  });
  it('shows cartons when a carton holds several units', () => {
    expect(packagingParts(24, { unitsPerCarton: 12, cartonsPerLayer: 10, layersPerPallet: 5 }).map((p) => p.kind)).toEqual([
      'unit',
      'carton',
      'layer',
      'pallet',
    ]);
  });
  it('has only units for bulk goods, and nothing for no quantity', () => {
    expect(packagingParts(3, { unitsPerCarton: 1, cartonsPerLayer: null, layersPerPallet: null })).toEqual([{ kind: 'unit', count: 3 }]);
    expect(packagingParts(0, { unitsPerCarton: 1, cartonsPerLayer: 5, layersPerPallet: 8 })).toEqual([]);
  });
});
