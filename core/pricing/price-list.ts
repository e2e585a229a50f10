/** One price of a price list: from `minQuantity` sale units on, the unit price is `unitPriceCents`. */
export type PriceTier = { productId: number; minQuantity: number; unitPriceCents: number };

/**
 * The unit price a quantity earns on a list: the tier with the highest threshold the quantity reaches.
 * Null when the list has no price for the product (the order cannot be priced: say so, never invent one).
 */
export function unitPriceFor(productId: number, quantity: number, tiers: readonly PriceTier[]): number | null {
  let best: PriceTier | null = null;
  for (const t of tiers) {
    if (t.productId !== productId || t.minQuantity > Math.max(quantity, 1)) continue;
    if (!best || t.minQuantity > best.minQuantity) best = t;
  }
  return best ? best.unitPriceCents : null;
}
