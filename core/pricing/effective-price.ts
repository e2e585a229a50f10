import type { PricedLine } from './pricing.types.ts';

/**
 * What one unit of goods really costs on a line before the cent rounding: the unit price, less each cascaded
 * discount, spread over the free goods too. Comparing these (not rounded nets ÷ quantity, which wobble by a
 * fraction of a cent as the quantity changes) is how "the same goods never cost more" is judged.
 */
export function effectiveUnitPrice(line: Pick<PricedLine, 'unitPriceCents' | 'discounts' | 'quantity' | 'freeQuantity'>): number | null {
  if (line.unitPriceCents === null) return null;
  let price = line.unitPriceCents;
  for (const d of line.discounts) price *= 1 - d.discountBp / 10_000;
  const shipped = line.quantity + line.freeQuantity;
  return shipped > 0 ? (price * line.quantity) / shipped : price;
}
