import type { Packaging } from './product.ts';

export function unitsPerLayer(p: Packaging): number | null {
  return p.cartonsPerLayer ? p.unitsPerCarton * p.cartonsPerLayer : null;
}

export function unitsPerPallet(p: Packaging): number | null {
  const layer = unitsPerLayer(p);
  return layer && p.layersPerPallet ? layer * p.layersPerPallet : null;
}

/** A quantity in sale units seen as cartons, layers and pallets (fractions kept: the screen shows 1.25 pallets). */
export function packagingEquivalents(quantity: number, p: Packaging): { cartons: number; layers: number | null; pallets: number | null } {
  const layer = unitsPerLayer(p);
  const pallet = unitsPerPallet(p);
  return {
    cartons: quantity / p.unitsPerCarton,
    layers: layer ? quantity / layer : null,
    pallets: pallet ? quantity / pallet : null,
  };
}

/** GS1 mod-10 check digit over the digits before it (GTIN-8/12/13/14, GLN, SSCC). */
export function hasValidGs1CheckDigit(code: string): boolean {
  if (!/^\d{8,18}$/.test(code)) return false;
  const digits = code.split('').map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}
