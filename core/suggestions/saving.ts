import { effectiveUnitPrice } from '../pricing/effective-price.ts';
import type { PricedLine, PricedOrder } from '../pricing/pricing.types.ts';
import { roundCents } from '../shared/money.ts';

const EPSILON = 1e-9;

/** The first priced line of each product: what the goods cost per unit today. */
function byProduct(priced: PricedOrder): Map<number, PricedLine> {
  const map = new Map<number, PricedLine>();
  for (const l of priced.lines)
    if (l.productId !== null && l.unitPriceCents !== null && l.quantity > 0 && !map.has(l.productId)) map.set(l.productId, l);
  return map;
}

/** Today's per-unit price of a product not yet ordered: the new line's price, at today's order tier. */
function unitPriceAtTodaysTier(line: PricedLine, todaysTierBp: number): number | null {
  return effectiveUnitPrice({
    ...line,
    discounts: line.discounts.map((d) => (d.kind === 'order-tier' ? { ...d, discountBp: todaysTierBp } : d)),
  });
}

/**
 * How each line of a changed order is judged against the order before the change; a judgement adds these up
 * over the changed order's lines (integers, whatever the order of addition). `referenceCents`: the line's goods
 * valued at today's per-unit prices; a line whose per-unit price did not move is valued at its own net, so
 * rounding noise never shows up as a saving. `dearer`: 1 when a product kept in the order costs more per unit.
 */
export function lineJudges(before: PricedOrder): { referenceCents: (line: PricedLine) => number; dearer: (line: PricedLine) => number } {
  const today = byProduct(before);
  const tierBp = before.orderTier?.discountBp ?? 0;
  return {
    referenceCents: (line) => {
      if (line.productId === null || line.unitPriceCents === null) return 0;
      const old = today.get(line.productId);
      const was = old ? effectiveUnitPrice(old) : unitPriceAtTodaysTier(line, tierBp);
      const now = effectiveUnitPrice(line);
      return was === null || now === null || Math.abs(was - now) < EPSILON
        ? line.netCents
        : roundCents((line.quantity + line.freeQuantity) * was);
    },
    dearer: (line) => {
      const old = line.productId === null ? undefined : today.get(line.productId);
      if (!old || line.quantity <= 0) return 0;
      const was = effectiveUnitPrice(old);
      const now = effectiveUnitPrice(line);
      return was !== null && (now === null || now > was + EPSILON) ? 1 : 0;
    },
  };
}

/** A changed order as a judgement reads it: its net and charges, and its lines' `lineJudges` added up. */
export type ChangedOrder = { netCents: number; chargesNetCents: number; referenceCents: number; dearerLines: number };

/**
 * What the change saves, in cents HT: the new order's goods valued at today's per-unit prices, plus today's
 * charges, minus the new order's net. It is never dearer when no product kept costs more per unit and the charges
 * do not grow: the property suggestions keep.
 */
export function judgeChange(before: PricedOrder, after: ChangedOrder): { savingCents: number; neverDearer: boolean } {
  return {
    savingCents: after.referenceCents + before.totals.chargesNetCents - after.netCents,
    neverDearer: after.chargesNetCents <= before.totals.chargesNetCents && after.dearerLines === 0,
  };
}

/** A changed order, priced whole, as a judgement reads it. */
export function changedOrder(before: PricedOrder, after: PricedOrder): ChangedOrder {
  const judges = lineJudges(before);
  let referenceCents = 0;
  let dearerLines = 0;
  for (const line of after.lines) {
    referenceCents += judges.referenceCents(line);
    dearerLines += judges.dearer(line);
  }
  return { netCents: after.totals.netCents, chargesNetCents: after.totals.chargesNetCents, referenceCents, dearerLines };
}

export function savingCents(before: PricedOrder, after: PricedOrder): number {
  return judgeChange(before, changedOrder(before, after)).savingCents;
}
