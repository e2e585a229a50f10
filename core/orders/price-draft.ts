import type { Product } from '../catalog/product.ts';
import { type PriceTier, unitPriceFor } from '../pricing/price-list.ts';
import { lineNetCents, orderTotals, type OrderTotals } from './totals.ts';

export type DraftLine = { productId: number; quantity: number };
export type PricedDraftLine = DraftLine & { unitPriceCents: number | null; netCents: number; vatRateBp: number };
export type PricedDraft = { lines: PricedDraftLine[]; totals: OrderTotals; unpricedProductIds: number[] };

/**
 * Prices an order as typed: the same function gives the live totals in the browser and the stored ones on the
 * server. A product without a price on the customer's list is reported, and counts for nothing in the totals.
 */
export function priceDraft(lines: readonly DraftLine[], products: ReadonlyMap<number, Product>, tiers: readonly PriceTier[]): PricedDraft {
  const priced: PricedDraftLine[] = [];
  const unpriced: number[] = [];
  const forTotals = [];
  for (const line of lines) {
    const product = products.get(line.productId);
    if (!product) continue;
    const unitPriceCents = unitPriceFor(line.productId, line.quantity, tiers);
    if (unitPriceCents === null) unpriced.push(line.productId);
    const netCents = unitPriceCents === null ? 0 : lineNetCents({ quantity: line.quantity, unitPriceCents });
    priced.push({ ...line, unitPriceCents, netCents, vatRateBp: product.vatRateBp });
    forTotals.push({ ...product, quantity: line.quantity, unitPriceCents: unitPriceCents ?? 0 });
  }
  return { lines: priced, totals: orderTotals(forTotals), unpricedProductIds: unpriced };
}
