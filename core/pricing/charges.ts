import type { IsoDate } from '../calendar/dates.ts';
import { weekdayOf } from '../calendar/dates.ts';
import type { DeliverySurcharge, Franco } from '../terms/terms.types.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { PendingGesture, PricedCharge, PricedOrder } from './pricing.types.ts';

/** VAT rate used for a charge when the order has no priced goods yet: the standard rate. */
const STANDARD_RATE_BP = 2000;

/**
 * Splits a charge over the goods' VAT rates in proportion to each rate's base (an accessory follows its
 * principal: BRIEF), by largest remainder so that the parts add up to the charge exactly.
 */
export function splitByVatBase(
  kind: PricedCharge['kind'],
  label: Bilingual,
  feeCents: number,
  bases: ReadonlyMap<number, number>,
): PricedCharge[] {
  const rates = [...bases.entries()].filter(([, base]) => base > 0).sort(([a], [b]) => a - b);
  const total = rates.reduce((s, [, b]) => s + b, 0);
  if (total === 0) return [{ kind, label, netCents: feeCents, vatRateBp: STANDARD_RATE_BP }];
  const parts = rates.map(([rate, base]) => {
    const exact = (feeCents * base) / total;
    return { rate, cents: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = feeCents - parts.reduce((s, p) => s + p.cents, 0);
  for (const p of [...parts].sort((a, b) => b.remainder - a.remainder || b.rate - a.rate)) {
    if (left <= 0) break;
    p.cents += 1;
    left -= 1;
  }
  return parts.filter((p) => p.cents !== 0).map((p) => ({ kind, label, netCents: p.cents, vatRateBp: p.rate }));
}

const SHIPPING: Bilingual = { fr: 'Participation aux frais de transport', en: 'Shipping fee' };

/** Franco reached or not; the fee applies below it, and only to an order with goods in it. */
export function francoState(franco: Franco | null, goodsNetCents: number, pallets: number, hasGoods: boolean): PricedOrder['franco'] {
  if (!franco) return null;
  const value = franco.measure === 'value' ? goodsNetCents : pallets;
  const missing = Math.max(0, franco.measure === 'value' ? franco.threshold - value : Math.round((franco.threshold - value) * 100) / 100);
  return {
    measure: franco.measure,
    threshold: franco.threshold,
    value,
    missing,
    feeCents: hasGoods && missing > 0 ? franco.feeBelowCents : 0,
  };
}

export function shippingCharges(franco: PricedOrder['franco'], bases: ReadonlyMap<number, number>): PricedCharge[] {
  return franco && franco.feeCents > 0 ? splitByVatBase('shipping', SHIPPING, franco.feeCents, bases) : [];
}

export function surchargeFor(surcharges: readonly DeliverySurcharge[], date: IsoDate | null): DeliverySurcharge[] {
  if (!date || surcharges.length === 0) return [];
  const weekday = weekdayOf(date);
  return surcharges.filter((s) => s.weekdays?.includes(weekday) || s.dates?.includes(date));
}

/**
 * The commercial gestures waiting for this customer, oldest first, each taken off whole, split over the goods' VAT
 * bases like any charge, when what the order comes to (goods and charges so far) bears it; a bigger one waits for a
 * bigger order rather than leave an order below zero.
 */
export function gestureCharges(
  gestures: readonly PendingGesture[],
  orderNetCents: number,
  bases: ReadonlyMap<number, number>,
): PricedCharge[] {
  const charges: PricedCharge[] = [];
  let left = orderNetCents;
  for (const g of gestures) {
    if (g.amountCents > left) continue;
    left -= g.amountCents;
    for (const c of splitByVatBase('gesture', g.label, -g.amountCents, bases)) charges.push({ ...c, gestureId: g.id });
  }
  return charges;
}
