import type { Product } from '../catalog/product.ts';
import { multipleSize, multipleUnitFor } from '../terms/checks/order-multiple.ts';
import type { OrderMultiples } from '../terms/terms.types.ts';
import type { ProposalLine } from './customer-stock.types.ts';
import { daysOfCover } from './daily-use.ts';

export type ProposalProduct = Pick<
  Product,
  'id' | 'family' | 'temperatureClass' | 'unitsPerCarton' | 'cartonsPerLayer' | 'layersPerPallet'
>;

export type ProposalItem = {
  product: ProposalProduct;
  onHand: number;
  /** Ordered, not yet delivered, arriving by the delivery date: it counts as stock then. */
  onOrder?: number;
  /** Estimated normal daily use, in sale units. */
  dailyUse: number;
  /** Expected extra sales during a promotion, in basis points of the normal use: 25 000 = +250 %, i.e. 3.5 × the use. */
  promoUpliftBp?: number | null;
  /** This product's own days to the delivery, when its report is older or newer than the others'. */
  leadTimeDays?: number;
};

export type ProposalInput = {
  items: readonly ProposalItem[];
  /** The cover each product should have right after the delivery, in days (the customer's VMI setting). */
  targetCoverDays: number;
  /** Calendar days from the stock report to the earliest delivery: stock consumed before the order can arrive. */
  leadTimeDays: number;
  /** The terms' order multiples (carton, layer, pallet by family / temperature). */
  multiples: OrderMultiples;
};

/** Floats drift (0.1 × 3): a need within a millionth of a multiple is that multiple, not one more. */
const EPSILON = 1e-6;

/**
 * Proposes, for each product, the quantity that brings its cover back to the target on the delivery date: the
 * stock then is what is on hand plus what is on order, less the use until the delivery (never below zero: what the
 * customer could not sell is lost, not owed). The need is rounded UP to the terms' multiple of the product
 * (carton, layer or pallet; a product without that level is ordered by the unit), so the cover after the delivery
 * is never under the target. A product already at or above the target on the delivery date, or whose use is
 * unknown, is listed with quantity 0 and the reason.
 */
export function proposeOrder(input: ProposalInput): ProposalLine[] {
  return input.items.map((item) => {
    const use = item.dailyUse * (1 + Math.max(item.promoUpliftBp ?? 0, 0) / 10_000);
    const onOrder = item.onOrder ?? 0;
    const multiple = multipleUnitFor(item.product as Product, input.multiples);
    const size = multipleSize(item.product as Product, multiple) ?? 1;
    const lead = item.leadTimeDays ?? input.leadTimeDays;
    const base = {
      productId: item.product.id,
      onHand: item.onHand,
      onOrder,
      dailyUse: use,
      leadTimeDays: lead,
      multiple,
      multipleSize: size,
    };
    const coverNow = daysOfCover(item.onHand, use);
    if (use <= 0) return { ...base, coverNow, coverAtDelivery: null, coverAfterDelivery: null, quantity: 0, skipped: 'no-use' };
    const atDelivery = Math.max(item.onHand + onOrder - use * lead, 0);
    const need = use * input.targetCoverDays - atDelivery;
    const quantity = need > EPSILON ? Math.ceil(need / size - EPSILON) * size : 0;
    return {
      ...base,
      coverNow,
      coverAtDelivery: atDelivery / use,
      coverAfterDelivery: (atDelivery + quantity) / use,
      quantity,
      skipped: quantity > 0 ? null : 'above-target',
    };
  });
}

/** Products that run out before an order placed now can arrive: their cover is shorter than the lead time. */
export function productsBelowLeadTimeCover(lines: readonly ProposalLine[]): ProposalLine[] {
  return lines.filter((l) => l.coverNow !== null && l.coverNow < l.leadTimeDays);
}
