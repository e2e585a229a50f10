import { unitsPerLayer, unitsPerPallet } from '../catalog/packaging.ts';
import type { Product } from '../catalog/product.ts';
import { effectiveUnitPrice } from '../pricing/effective-price.ts';
import { priceLineAt } from '../pricing/line-price.ts';
import { priceIndex } from '../pricing/price-index.ts';
import { isFixedPrice } from '../pricing/pricing.types.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import { num, say } from '../terms/checks/format.ts';
import { quantityChange } from './describe.ts';
import { evaluate, type SuggestInput } from './suggest-input.ts';
import type { Suggestion } from './suggestion.types.ts';
import { upToMultiple, withinReach } from './targets.ts';

/** How many of the best line-level candidates are re-priced exactly (the rest are estimated only): keeps 200 lines fast. */
const EXACT_CANDIDATES = 5;

/** The next quantity on a line that earns something (a list tier, a promotion's minimum, the next free goods), and what. */
function nextThreshold(product: Product, quantity: number, input: SuggestInput): { target: number; why: Bilingual } | null {
  const index = priceIndex(input.ctx, input.priced.orderDate);
  let best: { target: number; why: Bilingual } | null = null;
  const consider = (target: number, why: Bilingual) => {
    if (target > quantity && (best === null || target < best.target)) best = { target, why };
  };
  const tier = (index.tiers.get(product.id) ?? []).find((t) => t.minQuantity > quantity);
  if (tier) consider(tier.minQuantity, { fr: '(prix dégressif de la liste de prix)', en: "(the price list's quantity price)" });
  for (const promo of index.promotions.get(product.id) ?? []) {
    const m = promo.mechanism;
    const why = { fr: `(promotion « ${promo.name} »)`, en: `(promotion "${promo.name}")` };
    if (m.kind === 'percent') {
      const perPallet = unitsPerPallet(product);
      consider(Math.max(m.minQuantityPerLine, m.minPalletsPerLine && perPallet ? m.minPalletsPerLine * perPallet : 0), why);
    } else if (m.kind === 'free-goods') consider((Math.floor(quantity / m.buy) + 1) * m.buy, why);
  }
  return best;
}

/** Line by line: add the few units that reach the next tier or promotion threshold, best estimated savings first. */
function lineTiers(input: SuggestInput): Suggestion[] {
  const { order, priced, ctx, products } = input;
  const index = priceIndex(ctx, priced.orderDate);
  const tierBp = priced.orderTier?.discountBp ?? 0;
  const candidates: { i: number; product: Product; target: number; estimate: number; why: Bilingual }[] = [];
  for (let i = 0; i < order.lines.length; i++) {
    const product = products[i];
    const line = priced.lines[i];
    if (!product || line.unitPriceCents === null || isFixedPrice(line.priceSource) || line.quantity <= 0 || product.status !== 'active')
      continue;
    const threshold = nextThreshold(product, line.quantity, input);
    if (threshold === null) continue;
    const target = upToMultiple(product, threshold.target, ctx.terms.orderMultiples);
    const added = (target - line.quantity) * line.unitPriceCents;
    if (!withinReach(added, priced.totals.goodsNetCents, (unitsPerLayer(product) ?? product.unitsPerCarton) * line.unitPriceCents))
      continue;
    const orderBp = line.discounts.some((d) => d.kind === 'order-tier') ? tierBp : 0;
    const after = priceLineAt(product, target, index, orderBp);
    const was = effectiveUnitPrice(line);
    if (!after || was === null) continue;
    const estimate = (target + after.free) * was - after.net;
    if (estimate >= 1) candidates.push({ i, product, target, estimate, why: threshold.why });
  }
  candidates.sort((a, b) => b.estimate - a.estimate);
  const out: Suggestion[] = [];
  for (const c of candidates.slice(0, EXACT_CANDIDATES)) {
    const s = evaluate(input, 'next-tier', `next-tier:${c.i}`, quantityChange(c.i, c.product, order.lines[c.i].quantity, c.target, c.why), [
      { op: 'setQuantity', lineIndex: c.i, quantity: c.target },
    ]);
    if (s) out.push(s);
  }
  return out;
}

/** Per sale unit, what a product adds to the order tier's measure. */
function measurePerUnit(product: Product, measure: string, unitPriceCents: number): number {
  switch (measure) {
    case 'units':
      return 1;
    case 'cartons':
      return 1 / product.unitsPerCarton;
    case 'pallets': {
      const per = unitsPerPallet(product);
      return per ? 1 / per : 0;
    }
    case 'weight':
      return product.netWeightG;
    default:
      return unitPriceCents;
  }
}

/** The order-level tier: grow the customer's most usual line already in the order until the next step is reached. */
function orderTier(input: SuggestInput): Suggestion[] {
  const { order, priced, ctx, products } = input;
  const tier = priced.orderTier;
  const discount = ctx.priceList?.orderDiscount;
  if (!tier?.next || !discount) return [];
  const rank = new Map(ctx.usualProductIds.map((id, r) => [id, r]));
  let chosen = -1;
  for (let i = 0; i < order.lines.length; i++) {
    const p = products[i];
    const l = priced.lines[i];
    if (
      !p ||
      l.unitPriceCents === null ||
      isFixedPrice(l.priceSource) ||
      p.status !== 'active' ||
      (discount.families && !discount.families.includes(p.family))
    )
      continue;
    if (measurePerUnit(p, tier.measure, l.unitPriceCents) <= 0) continue;
    if (chosen < 0) {
      chosen = i;
      continue;
    }
    const better =
      (rank.get(p.id) ?? Infinity) - (rank.get(products[chosen]!.id) ?? Infinity) || priced.lines[chosen].netCents - l.netCents;
    if (better < 0) chosen = i;
  }
  if (chosen < 0) return [];
  const product = products[chosen]!;
  const line = priced.lines[chosen];
  const extra = Math.ceil((tier.next.min - tier.value) / measurePerUnit(product, tier.measure, line.unitPriceCents!) - 1e-9);
  const target = upToMultiple(product, line.quantity + extra, ctx.terms.orderMultiples);
  if (
    !withinReach(
      (target - line.quantity) * line.unitPriceCents!,
      priced.totals.goodsNetCents,
      (unitsPerLayer(product) ?? 1) * line.unitPriceCents!,
    )
  )
    return [];
  const why = say([['(remise de ', '('], num(tier.next.discountBp / 100), [' % sur la commande)', ' % off the whole order)']]);
  const s = evaluate(input, 'next-tier', 'next-tier:order', quantityChange(chosen, product, line.quantity, target, why), [
    { op: 'setQuantity', lineIndex: chosen, quantity: target },
  ]);
  return s ? [s] : [];
}

export function nextTierSuggestions(input: SuggestInput): Suggestion[] {
  return [...lineTiers(input), ...orderTier(input)];
}
