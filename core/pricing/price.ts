import { unitsPerPallet } from '../catalog/packaging.ts';
import type { Product } from '../catalog/product.ts';
import type { IsoDate } from '../calendar/dates.ts';
import type { OrderDraft } from '../orders/order-draft.types.ts';
import { moneyOnlyLine, orderTotals, type PricedLineInput } from '../orders/totals.ts';
import type { Terms } from '../terms/terms.types.ts';
import { francoState, gestureCharges, shippingCharges, splitByVatBase, surchargeFor } from './charges.ts';
import { measureOrder, orderTierState, type TierCountedLine } from './order-tier.ts';
import { type PriceIndex, priceIndex, tierPrice, type PricingSources } from './price-index.ts';
import { priceLineAt, type LinePrice } from './line-price.ts';
import type { OrderTierDiscount, PendingGesture, PricedCharge, PricedLine, PricedOrder } from './pricing.types.ts';

/** What pricing reads: a `RulesContext` fits. Kept narrow so a screen can price with less. */
export type PricingContext = PricingSources & {
  today: { date: IsoDate };
  products: ReadonlyMap<number, Product>;
  terms: Pick<Terms, 'franco' | 'surcharges'>;
  gestures?: readonly PendingGesture[];
};

/**
 * Prices an order: a price the desk agreed on the line > customer price (both net, nothing taken off) > promotion >
 * list tier. The order-level tier discount and a percent promotion cascade on list-priced lines; one promotion per
 * line, the one that makes the goods cheapest. Each discount is rounded to the cent on its line; the totals are the sum of the lines and
 * charges, exactly (`orderTotals`). Shipping below franco and date surcharges are charges at the goods' VAT rates.
 */
export function price(order: OrderDraft, ctx: PricingContext): PricedOrder {
  const orderDate = order.orderDate ?? ctx.today.date;
  const index = priceIndex(ctx, orderDate);
  const n = order.lines.length;
  const products = new Array<Product | undefined>(n);
  const counted: TierCountedLine[] = [];
  for (let i = 0; i < n; i++) {
    const line = order.lines[i];
    const product = line.productId === null ? undefined : ctx.products.get(line.productId);
    products[i] = product;
    const c = product ? tierCounted(line, product, index) : null;
    if (c) counted.push(c);
  }
  const discount = ctx.priceList?.orderDiscount ?? null;
  const orderTier = discount ? orderTierState(discount, measureOrder(discount, counted)) : null;

  const lines = new Array<PricedLine>(n);
  const forTotals: PricedLineInput[] = [];
  const unpriced: number[] = [];
  const bases = new Map<number, number>();
  let goodsNetCents = 0;
  for (let i = 0; i < n; i++) {
    const product = products[i];
    const line = (lines[i] = priceLine(
      i,
      order.lines[i],
      product,
      index,
      product ? tierBpFor(product, discount, orderTier?.discountBp ?? 0) : 0,
    ));
    if (line.unitPriceCents === null) unpriced.push(i);
    if (product) {
      forTotals.push({
        unitsPerCarton: product.unitsPerCarton,
        cartonsPerLayer: product.cartonsPerLayer,
        layersPerPallet: product.layersPerPallet,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents ?? 0,
        netCents: line.netCents,
        freeQuantity: line.freeQuantity,
        vatRateBp: product.vatRateBp,
        grossWeightG: product.grossWeightG,
      });
      bases.set(product.vatRateBp, (bases.get(product.vatRateBp) ?? 0) + line.netCents);
      goodsNetCents += line.netCents;
    }
  }

  const goods = orderTotals(forTotals);
  const hasGoods = forTotals.some((l) => l.quantity > 0);
  const { franco, charges } = orderCharges(
    ctx.terms,
    order.requestedDate,
    { goodsNetCents, pallets: goods.pallets, hasGoods, bases },
    ctx.gestures,
  );
  const chargesNetCents = charges.reduce((sum, c) => sum + c.netCents, 0);
  for (const c of charges) forTotals.push(moneyOnlyLine(c));
  const totals = charges.length ? orderTotals(forTotals) : goods;
  return {
    orderDate,
    lines,
    charges,
    orderTier,
    franco,
    totals: { ...totals, goodsNetCents, chargesNetCents },
    unpricedLineIndexes: unpriced,
  };
}

type DraftLine = OrderDraft['lines'][number];

/** What a line counts for toward the order tier: its gross before any discount. Null: nothing prices it. */
export function tierCounted(line: DraftLine, product: Product, index: PriceIndex): TierCountedLine | null {
  const unit = line.agreedUnitPriceCents ?? index.customerPrices.get(product.id) ?? tierPrice(index.tiers.get(product.id), line.quantity);
  return unit === null ? null : { product, quantity: line.quantity, grossCents: line.quantity * unit };
}

/** The order tier's discount a product's line takes: the step's, for a product of the tier's families; none otherwise. */
export function tierBpFor(product: Product, discount: OrderTierDiscount | null, stepBp: number): number {
  return discount && (!discount.families || discount.families.includes(product.family)) ? stepBp : 0;
}

/** Line i of an order as `price` prices it, the order tier's discount for its product given. */
export function priceLine(i: number, line: DraftLine, product: Product | undefined, index: PriceIndex, orderBp: number): PricedLine {
  let best: LinePrice | null = null;
  if (product && line.agreedUnitPriceCents !== undefined) {
    best = {
      unit: line.agreedUnitPriceCents,
      source: 'agreed',
      discounts: [],
      free: 0,
      net: line.quantity * line.agreedUnitPriceCents,
      promotionId: null,
    };
  } else if (product) {
    best = priceLineAt(product, line.quantity, index, orderBp);
  }
  const perPallet = product ? unitsPerPallet(product) : null;
  const shipped = line.quantity + (best?.free ?? 0);
  // Plain literals, no spread: a spread followed by more properties makes V8 build slow dictionary objects,
  // which cost 50× here (2.5 ms instead of 45 µs for 200 lines).
  return {
    index: i,
    lineId: line.lineId,
    productId: product ? product.id : null,
    quantity: line.quantity,
    freeQuantity: best?.free ?? 0,
    unitPriceCents: best?.unit ?? null,
    priceSource: best?.source ?? null,
    grossCents: best ? line.quantity * best.unit : 0,
    discounts: best?.discounts ?? [],
    netCents: best?.net ?? 0,
    vatRateBp: product?.vatRateBp ?? 0,
    promotionId: best?.promotionId ?? null,
    pallets: perPallet ? shipped / perPallet : 0,
    weightG: product ? shipped * product.grossWeightG : 0,
  };
}

/** What the order's charges are read from: its goods' net, pallets (rounded as the totals show them), VAT bases. */
export type ChargeBasis = { goodsNetCents: number; pallets: number; hasGoods: boolean; bases: ReadonlyMap<number, number> };

/**
 * Franco reached or not, and the charges: shipping below franco, the requested date's surcharges, per VAT base; then
 * the customer's waiting gestures the order bears (franco is judged on the goods, before any gesture).
 */
export function orderCharges(
  terms: PricingContext['terms'],
  requestedDate: IsoDate | null,
  basis: ChargeBasis,
  gestures: readonly PendingGesture[] = [],
): { franco: PricedOrder['franco']; charges: PricedCharge[] } {
  const franco = francoState(terms.franco, basis.goodsNetCents, basis.pallets, basis.hasGoods);
  const charges: PricedCharge[] = shippingCharges(franco, basis.bases);
  if (basis.hasGoods) {
    for (const s of surchargeFor(terms.surcharges, requestedDate))
      charges.push(...splitByVatBase('surcharge', s.label, s.feeCents, basis.bases));
    if (gestures.length)
      charges.push(...gestureCharges(gestures, basis.goodsNetCents + charges.reduce((sum, c) => sum + c.netCents, 0), basis.bases));
  }
  return { franco, charges };
}
