import { unitsPerPallet } from '../catalog/packaging.ts';
import type { Product } from '../catalog/product.ts';
import { applyBasisPoints } from '../shared/money.ts';
import type { PriceIndex } from './price-index.ts';
import { tierPrice } from './price-index.ts';
import type { AppliedDiscount, PriceSource, Promotion } from './pricing.types.ts';

export type LinePrice = {
  unit: number;
  source: PriceSource;
  discounts: AppliedDiscount[];
  free: number;
  net: number;
  promotionId: number | null;
};

/** The line under one promotion (or none): list tier (maybe forced), then the order tier, then the promotion, cascaded. */
function option(
  quantity: number,
  product: Product,
  tiers: PriceIndex['tiers'],
  orderBp: number,
  promo: Promotion | null,
): LinePrice | null {
  const m = promo?.mechanism;
  const forced = m?.kind === 'tier' ? Math.max(quantity, m.forcedMinQuantity) : quantity;
  const unit = tierPrice(tiers.get(product.id), forced);
  if (unit === null) return null;
  const gross = quantity * unit;
  const discounts: AppliedDiscount[] = [];
  let net = gross;
  if (orderBp > 0) {
    const amount = applyBasisPoints(gross, orderBp);
    discounts.push({ kind: 'order-tier', discountBp: orderBp, amountCents: amount });
    net -= amount;
  }
  let free = 0;
  if (m?.kind === 'percent') {
    const perPallet = unitsPerPallet(product);
    const palletsOk = m.minPalletsPerLine === undefined || (perPallet !== null && quantity >= m.minPalletsPerLine * perPallet);
    if (quantity < m.minQuantityPerLine || !palletsOk) return null;
    const amount = applyBasisPoints(net, m.discountBp); // cascaded: on what is left after the order tier
    discounts.push({ kind: 'promotion', discountBp: m.discountBp, amountCents: amount, promotionId: promo!.id });
    net -= amount;
  } else if (m?.kind === 'free-goods') {
    free = Math.floor(quantity / m.buy) * m.free;
    if (free === 0) return null;
  } else if (m?.kind === 'tier' && unit >= (tierPrice(tiers.get(product.id), quantity) ?? Infinity)) {
    return null; // the forced tier gives nothing the quantity does not already earn
  }
  return { unit, source: m?.kind === 'tier' ? 'promotion-tier' : 'list', discounts, free, net, promotionId: promo?.id ?? null };
}

/** Cheaper per unit delivered (free goods count): a/b < c/d without division. */
export function cheaper(a: LinePrice, b: LinePrice, quantity: number): boolean {
  return a.net * (quantity + b.free) < b.net * (quantity + a.free);
}

/**
 * One line's price at a quantity, the order tier given: the customer price if any (net, nothing off), else the
 * list under the promotion that makes the goods cheapest. Null when nothing prices it. Suggestions call this to
 * estimate a change before re-pricing the whole order.
 */
export function priceLineAt(product: Product, quantity: number, index: PriceIndex, orderBp: number): LinePrice | null {
  const customerUnit = index.customerPrices.get(product.id);
  if (customerUnit !== undefined)
    return { unit: customerUnit, source: 'customer', discounts: [], free: 0, net: quantity * customerUnit, promotionId: null };
  let best = option(quantity, product, index.tiers, orderBp, null);
  for (const promo of index.promotions.get(product.id) ?? []) {
    const candidate = option(quantity, product, index.tiers, orderBp, promo);
    if (candidate && (!best || cheaper(candidate, best, quantity))) best = candidate;
  }
  return best;
}
