import { effectiveUnitPrice } from '../pricing/effective-price.ts';
import type { PricedLine, PricedOrder } from '../pricing/pricing.types.ts';
import { roundCents } from '../shared/money.ts';

const EPSILON = 1e-9;

/** The first priced line of each product: what the goods cost per unit today. */
function byProduct(priced: PricedOrder): Map<number, PricedLine> {
  const map = new Map<number, PricedLine>();
  for (const l of priced.lines) if (l.productId !== null && l.unitPriceCents !== null && l.quantity > 0 && !map.has(l.productId)) map.set(l.productId, l);
  return map;
}

/** Today's per-unit price of a product not yet ordered: the new line's price, at today's order tier. */
function unitPriceAtTodaysTier(line: PricedLine, todaysTierBp: number): number | null {
  return effectiveUnitPrice({ ...line, discounts: line.discounts.map((d) => (d.kind === 'order-tier' ? { ...d, discountBp: todaysTierBp } : d)) });
}

/**
 * What the change saves, in cents HT: the new order's goods valued at today's per-unit prices, plus today's
 * charges, minus the new order's net. A line whose per-unit price did not move is valued at its own net, so
 * rounding noise never shows up as a saving.
 */
export function savingCents(before: PricedOrder, after: PricedOrder): number {
  const today = byProduct(before);
  const tierBp = before.orderTier?.discountBp ?? 0;
  let reference = 0;
  for (const line of after.lines) {
    if (line.productId === null || line.unitPriceCents === null) continue;
    const old = today.get(line.productId);
    const was = old ? effectiveUnitPrice(old) : unitPriceAtTodaysTier(line, tierBp);
    const now = effectiveUnitPrice(line);
    reference += was === null || now === null || Math.abs(was - now) < EPSILON ? line.netCents : roundCents((line.quantity + line.freeQuantity) * was);
  }
  return reference + before.totals.chargesNetCents - after.totals.netCents;
}

/** No product kept in the order costs more per unit, and the charges do not grow: the property suggestions keep. */
export function neverDearer(before: PricedOrder, after: PricedOrder): boolean {
  if (after.totals.chargesNetCents > before.totals.chargesNetCents) return false;
  const today = byProduct(before);
  for (const line of after.lines) {
    const old = line.productId === null ? undefined : today.get(line.productId);
    if (!old || line.quantity <= 0) continue;
    const was = effectiveUnitPrice(old);
    const now = effectiveUnitPrice(line);
    if (was !== null && (now === null || now > was + EPSILON)) return false;
  }
  return true;
}
