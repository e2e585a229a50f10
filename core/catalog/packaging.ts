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

/** GS1 mod-10 check digit of the digits before it: weights 3 and 1 from the right. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) sum += (body.charCodeAt(i) - 48) * weight;
  return (10 - (sum % 10)) % 10;
}

/** GS1 mod-10 check digit over the digits before it (GTIN-8/12/13/14, GLN, SSCC). */
export function hasValidGs1CheckDigit(code: string): boolean {
  if (!/^\d{8,18}$/.test(code)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === Number(code[code.length - 1]);
}

/**
 * SSCC-18 of a logistic unit (a pallet): extension digit, GS1 company prefix, serial reference padded to fill
 * 17 digits, then the check digit. The serial must fit: a prefix of 7 digits leaves 9 for the serial.
 */
export function sscc(extension: number, companyPrefix: string, serial: number | string): string {
  const serialText = String(serial);
  const room = 16 - companyPrefix.length;
  if (!Number.isInteger(extension) || extension < 0 || extension > 9)
    throw new RangeError(`SSCC extension digit must be 0 to 9: ${extension}`);
  if (!/^\d{6,12}$/.test(companyPrefix)) throw new RangeError(`GS1 company prefix must be 6 to 12 digits: ${companyPrefix}`);
  if (!/^\d+$/.test(serialText) || serialText.length > room)
    throw new RangeError(`SSCC serial must be at most ${room} digits: ${serialText}`);
  const body = `${extension}${companyPrefix}${serialText.padStart(room, '0')}`;
  return body + gs1CheckDigit(body);
}
