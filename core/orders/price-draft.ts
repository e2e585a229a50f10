import type { Product } from '../catalog/product.ts';
import type { PriceTier } from '../pricing/price-list.ts';
import { price } from '../pricing/price.ts';
import type { OrderTotals } from './totals.ts';

export type DraftLine = { productId: number; quantity: number };
export type PricedDraftLine = DraftLine & { unitPriceCents: number | null; netCents: number; vatRateBp: number };
export type PricedDraft = { lines: PricedDraftLine[]; totals: OrderTotals; unpricedProductIds: number[] };

// A list with no dates, no order discount, no promotions and no charges: exactly the list's tiers.
const NO_TERMS = { franco: null, surcharges: [] };
const NO_AGREEMENT = { prices: [] };
const ALWAYS = { date: '1970-01-01' };

/**
 * Prices an order from list tiers alone (the order entry screen before issue 3's context is loaded): a thin
 * view over `price`, so the live totals and the stored ones cannot drift. A product outside `products` is
 * skipped; one without a price on the list is reported and counts for nothing in the totals.
 */
export function priceDraft(lines: readonly DraftLine[], products: ReadonlyMap<number, Product>, tiers: readonly PriceTier[]): PricedDraft {
  const known = lines.filter((l) => products.has(l.productId));
  const priced = price(
    { lines: known, deliveryPointId: 0, requestedDate: null },
    {
      today: ALWAYS,
      products,
      terms: NO_TERMS,
      agreement: NO_AGREEMENT,
      promotions: [],
      customer: { id: 0, typology: 'ARTISAN' },
      priceList: { id: 0, code: '', name: '', validFrom: '0000-01-01', validTo: null, tiers: [...tiers], orderDiscount: null },
    },
  );
  return {
    lines: priced.lines.map((l, i) => ({ ...known[i], unitPriceCents: l.unitPriceCents, netCents: l.netCents, vatRateBp: l.vatRateBp })),
    totals: pickTotals(priced.totals),
    unpricedProductIds: priced.unpricedLineIndexes.map((i) => known[i].productId),
  };
}

function pickTotals(t: OrderTotals): OrderTotals {
  return { netCents: t.netCents, vatCents: t.vatCents, grossCents: t.grossCents, vat: t.vat, pallets: t.pallets, weightG: t.weightG };
}
