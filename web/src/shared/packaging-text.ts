import { packagingEquivalents } from '../../../core/catalog/packaging.ts';
import type { Packaging } from '../../../core/catalog/product.ts';

export type PackagingPart = { kind: 'unit' | 'carton' | 'layer' | 'pallet'; count: number };

/**
 * What a quantity amounts to, for "10 sacs = 2 couches = 0,25 palette": the sale units, then cartons when a carton
 * holds more than one unit (a sack is its own carton), then layers and pallets when the goods travel on pallets.
 */
export function packagingParts(quantity: number, packaging: Packaging): PackagingPart[] {
  if (!(quantity > 0)) return [];
  const eq = packagingEquivalents(quantity, packaging);
  const parts: PackagingPart[] = [{ kind: 'unit', count: quantity }];
  if (packaging.unitsPerCarton > 1) parts.push({ kind: 'carton', count: round2(eq.cartons) });
  if (eq.layers !== null) parts.push({ kind: 'layer', count: round2(eq.layers) });
  if (eq.pallets !== null) parts.push({ kind: 'pallet', count: round2(eq.pallets) });
  return parts;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
