import { applyBasisPoints } from '../shared/money.ts';
import type { LineDiscount } from './orders.schemas.ts';

export type { LineDiscount };

/**
 * The amount the promotion's percentage was taken from, given the net it left: the gross itself when it gives that
 * net (no order tier), else the nearest amount that does (rounding makes the plain division a cent off at times).
 */
function beforePromotion(net: number, promoBp: number, gross: number): number {
  const gives = (amount: number) => amount - applyBasisPoints(amount, promoBp) === net;
  if (gives(gross)) return gross;
  const estimate = Math.round((net * 10_000) / (10_000 - promoBp));
  for (const delta of [0, -1, 1, -2, 2]) if (estimate + delta <= gross && gives(estimate + delta)) return estimate + delta;
  return Math.min(estimate, gross);
}

const rateOf = (amount: number, base: number) => (base > 0 ? Math.round((amount * 10_000) / base) : 0);

/**
 * The discount of a line from what the order keeps (gross unit price, net, the promotion and its rate): null when
 * the line is at its gross price and no promotion priced it. Pricing cascades the promotion's percentage on what the
 * order tier left, so the part before the promotion is read back from the net (to the cent: the parts add up to the
 * amount exactly). A promotion's forced tier or free goods lower the price otherwise: the line names its promotion.
 */
export function lineDiscount(line: {
  quantity: number;
  unitPriceCents: number;
  netCents: number;
  promotionName: string | null;
  /** The promotion's percentage when it is one (basis points); null otherwise. */
  promotionRateBp?: number | null;
}): LineDiscount | null {
  const grossCents = line.quantity * line.unitPriceCents;
  const amountCents = Math.max(grossCents - line.netCents, 0);
  if (amountCents === 0 && line.promotionName === null) return null;
  const promoBp = line.promotionRateBp ?? 0;
  // What the order tier left, before the promotion took its share: net = afterTier × (1 − promotion).
  const afterTier = promoBp > 0 && promoBp < 10_000 ? beforePromotion(line.netCents, promoBp, grossCents) : grossCents;
  const tierCents = promoBp > 0 ? grossCents - afterTier : line.promotionName === null ? amountCents : 0;
  const promoCents = amountCents - tierCents;
  const parts: LineDiscount['parts'] = [];
  if (tierCents > 0) parts.push({ kind: 'order-tier', amountCents: tierCents, rateBp: rateOf(tierCents, grossCents) });
  if (promoCents > 0) parts.push({ kind: 'promotion', amountCents: promoCents, rateBp: promoBp || rateOf(promoCents, grossCents) });
  return { grossCents, amountCents, rateBp: rateOf(amountCents, grossCents), promotionName: line.promotionName, parts };
}
