import type { IsoDate } from '../calendar/dates.ts';
import type { Typology } from '../customers/customer.ts';
import type { PriceTier } from './price-list.ts';
import type { CustomerPrice, PriceList, Promotion } from './pricing.types.ts';
import { isCustomerEligible, isPromotionRunning } from './promotions.ts';

export type PricingSources = {
  customer: { id: number; typology: Typology };
  priceList: PriceList | null;
  promotions: readonly Promotion[];
  agreement: { prices: readonly CustomerPrice[] };
};

/** Per-product lookups valid on one order date: pricing a line is then a few map reads, never a scan. */
export type PriceIndex = {
  customerPrices: Map<number, number>;
  /** Tiers per product, by ascending threshold. */
  tiers: Map<number, PriceTier[]>;
  promotions: Map<number, Promotion[]>;
};

export function isPriceListValid(list: Pick<PriceList, 'validFrom' | 'validTo'>, date: IsoDate): boolean {
  return list.validFrom <= date && (list.validTo === null || date <= list.validTo);
}

function buildIndex(sources: PricingSources, date: IsoDate): PriceIndex {
  const customerPrices = new Map<number, number>();
  for (const p of sources.agreement.prices) {
    if (p.validFrom <= date && (p.validTo === null || date <= p.validTo)) customerPrices.set(p.productId, p.unitPriceCents);
  }
  const tiers = new Map<number, PriceTier[]>();
  // A list out of its validity dates prices nothing: the line is reported unpriced rather than priced wrongly.
  if (sources.priceList && isPriceListValid(sources.priceList, date)) {
    for (const t of sources.priceList.tiers) {
      const list = tiers.get(t.productId);
      if (list) list.push(t);
      else tiers.set(t.productId, [t]);
    }
    for (const list of tiers.values()) list.sort((a, b) => a.minQuantity - b.minQuantity);
  }
  const promotions = new Map<number, Promotion[]>();
  for (const promo of sources.promotions) {
    if (!isPromotionRunning(promo, date) || !isCustomerEligible(promo, sources.customer)) continue;
    for (const productId of promo.productIds) {
      const list = promotions.get(productId);
      if (list) list.push(promo);
      else promotions.set(productId, [promo]);
    }
  }
  return { customerPrices, tiers, promotions };
}

// Suggestions re-price the same context many times: index it once per (context, date). A WeakMap keeps the
// function pure to its callers (same input, same output) and lets the context be collected when dropped.
const cache = new WeakMap<PricingSources, Map<IsoDate, PriceIndex>>();

export function priceIndex(sources: PricingSources, date: IsoDate): PriceIndex {
  let byDate = cache.get(sources);
  if (!byDate) cache.set(sources, (byDate = new Map<IsoDate, PriceIndex>()));
  let index = byDate.get(date);
  if (!index) byDate.set(date, (index = buildIndex(sources, date)));
  return index;
}

/** The tier reached by `quantity` in ascending tiers (the highest threshold not above it), or null. */
export function tierPrice(tiers: readonly PriceTier[] | undefined, quantity: number): number | null {
  if (!tiers) return null;
  let price: number | null = null;
  for (const t of tiers) {
    if (t.minQuantity > Math.max(quantity, 1)) break;
    price = t.unitPriceCents;
  }
  return price;
}
