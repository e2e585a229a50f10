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

export type PriceListItem = PriceTier & { productCode: string; productName: string };
export type PriceLine = {
  productId: number;
  productCode: string;
  productName: string;
  /** The price of the lowest threshold (one unit, as the desk sets it). */
  unitPriceCents: number;
  /** The lower prices from a quantity on, by threshold. */
  tiers: { minQuantity: number; unitPriceCents: number }[];
};

/**
 * A list's tiers as the desk reads them: one line per product, its price and its quantity tiers. The items come by
 * product, then threshold (as the repository reads them), so each product's first is its lowest.
 */
export function priceLines(items: readonly PriceListItem[]): PriceLine[] {
  const lines = new Map<number, PriceLine>();
  for (const item of items) {
    const { productId, productCode, productName, minQuantity, unitPriceCents } = item;
    const line = lines.get(productId);
    if (!line) lines.set(productId, { productId, productCode, productName, unitPriceCents, tiers: [] });
    else line.tiers.push({ minQuantity, unitPriceCents });
  }
  return [...lines.values()];
}
