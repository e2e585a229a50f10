import { unitsPerPallet } from '../catalog/packaging.ts';
import type { Product } from '../catalog/product.ts';
import type { IsoDate } from '../calendar/dates.ts';
import type { OrderDraft } from '../orders/order-draft.types.ts';
import { orderTotals, type PricedLineInput } from '../orders/totals.ts';
import { applyBasisPoints } from '../shared/money.ts';
import type { Terms } from '../terms/terms.types.ts';
import { francoState, shippingCharges, splitByVatBase, surchargeFor } from './charges.ts';
import { measureOrder, orderTierState, type TierCountedLine } from './order-tier.ts';
import { priceIndex, tierPrice, type PriceIndex, type PricingSources } from './price-index.ts';
import type { AppliedDiscount, PricedCharge, PricedLine, PricedOrder, PriceSource, Promotion } from './pricing.types.ts';

/** What pricing reads: a `RulesContext` fits. Kept narrow so a screen can price with less. */
export type PricingContext = PricingSources & {
  today: { date: IsoDate };
  products: ReadonlyMap<number, Product>;
  terms: Pick<Terms, 'franco' | 'surcharges'>;
};

type Option = { unit: number; source: PriceSource; discounts: AppliedDiscount[]; free: number; net: number; promotionId: number | null };

/** The line under one promotion (or none): list tier (maybe forced), then the order tier, then the promotion, cascaded. */
function option(quantity: number, product: Product, tiers: PriceIndex['tiers'], orderBp: number, promo: Promotion | null): Option | null {
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
function cheaper(a: Option, b: Option, quantity: number): boolean {
  return a.net * (quantity + b.free) < b.net * (quantity + a.free);
}

/**
 * Prices an order: customer price (net, nothing taken off) > promotion > list tier. The order-level tier
 * discount and a percent promotion cascade on list-priced lines; one promotion per line, the one that makes the
 * goods cheapest. Each discount is rounded to the cent on its line; the totals are the sum of the lines and
 * charges, exactly (`orderTotals`). Shipping below franco and date surcharges are charges at the goods' VAT rates.
 */
export function price(order: OrderDraft, ctx: PricingContext): PricedOrder {
  const orderDate = order.orderDate ?? ctx.today.date;
  const index = priceIndex(ctx, orderDate);
  const n = order.lines.length;
  const products: (Product | undefined)[] = new Array(n);
  const counted: TierCountedLine[] = [];
  for (let i = 0; i < n; i++) {
    const line = order.lines[i];
    const product = line.productId === null ? undefined : ctx.products.get(line.productId);
    products[i] = product;
    if (!product) continue;
    const unit = index.customerPrices.get(product.id) ?? tierPrice(index.tiers.get(product.id), line.quantity);
    if (unit !== null) counted.push({ product, quantity: line.quantity, grossCents: line.quantity * unit });
  }
  const discount = ctx.priceList?.orderDiscount ?? null;
  const orderTier = discount ? orderTierState(discount, measureOrder(discount, counted)) : null;

  const lines: PricedLine[] = new Array(n);
  const forTotals: PricedLineInput[] = [];
  const unpriced: number[] = [];
  const bases = new Map<number, number>();
  let goodsNetCents = 0;
  for (let i = 0; i < n; i++) {
    const line = order.lines[i];
    const product = products[i];
    let best: Option | null = null;
    if (product) {
      const customerUnit = index.customerPrices.get(product.id);
      if (customerUnit !== undefined) {
        best = { unit: customerUnit, source: 'customer', discounts: [], free: 0, net: line.quantity * customerUnit, promotionId: null };
      } else {
        const inFamilies = !discount?.families || discount.families.includes(product.family);
        const orderBp = orderTier && inFamilies ? orderTier.discountBp : 0;
        best = option(line.quantity, product, index.tiers, orderBp, null);
        for (const promo of index.promotions.get(product.id) ?? []) {
          const candidate = option(line.quantity, product, index.tiers, orderBp, promo);
          if (candidate && (!best || cheaper(candidate, best, line.quantity))) best = candidate;
        }
      }
    }
    if (!best) unpriced.push(i);
    const perPallet = product ? unitsPerPallet(product) : null;
    const shipped = line.quantity + (best?.free ?? 0);
    const netCents = best?.net ?? 0;
    lines[i] = {
      index: i,
      ...(line.lineId !== undefined ? { lineId: line.lineId } : {}),
      productId: product ? product.id : null,
      quantity: line.quantity,
      freeQuantity: best?.free ?? 0,
      unitPriceCents: best?.unit ?? null,
      priceSource: best?.source ?? null,
      grossCents: best ? line.quantity * best.unit : 0,
      discounts: best?.discounts ?? [],
      netCents,
      vatRateBp: product?.vatRateBp ?? 0,
      promotionId: best?.promotionId ?? null,
      pallets: perPallet ? shipped / perPallet : 0,
      weightG: product ? shipped * product.grossWeightG : 0,
    };
    if (product) {
      forTotals.push({ ...packagingOf(product), quantity: line.quantity, unitPriceCents: best?.unit ?? 0, netCents, freeQuantity: best?.free ?? 0, vatRateBp: product.vatRateBp, grossWeightG: product.grossWeightG });
      bases.set(product.vatRateBp, (bases.get(product.vatRateBp) ?? 0) + netCents);
      goodsNetCents += netCents;
    }
  }

  const goods = orderTotals(forTotals);
  const hasGoods = forTotals.some((l) => l.quantity > 0);
  const franco = francoState(ctx.terms.franco, goodsNetCents, goods.pallets, hasGoods);
  const charges: PricedCharge[] = shippingCharges(franco, bases);
  if (hasGoods) for (const s of surchargeFor(ctx.terms.surcharges, order.requestedDate)) charges.push(...splitByVatBase('surcharge', s.label, s.feeCents, bases));
  const chargesNetCents = charges.reduce((sum, c) => sum + c.netCents, 0);
  for (const c of charges) forTotals.push({ ...NO_PACKAGING, quantity: 0, unitPriceCents: 0, netCents: c.netCents, vatRateBp: c.vatRateBp, grossWeightG: 0 });
  const totals = charges.length ? orderTotals(forTotals) : goods;
  return { orderDate, lines, charges, orderTier, franco, totals: { ...totals, goodsNetCents, chargesNetCents }, unpricedLineIndexes: unpriced };
}

const NO_PACKAGING = { unitsPerCarton: 1, cartonsPerLayer: null, layersPerPallet: null };
const packagingOf = (p: Product) => ({ unitsPerCarton: p.unitsPerCarton, cartonsPerLayer: p.cartonsPerLayer, layersPerPallet: p.layersPerPallet });
