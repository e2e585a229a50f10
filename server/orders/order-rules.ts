import { type IsoDate, parisNow } from '../../core/calendar/dates.ts';
import type { Product } from '../../core/catalog/product.ts';
import type { Typology } from '../../core/customers/customer.ts';
import type { OrderDraft } from '../../core/orders/order-draft.types.ts';
import type { RulesContext } from '../../core/orders/rules-context.types.ts';
import { findProductsByIds } from '../catalog/products.repository.ts';
import { toProduct } from '../catalog/products.service.ts';
import type { DbOrTrx } from '../db/database.ts';
import { type CommercialContext, loadCommercialContext } from '../terms/rules-context.ts';
import { orderAvailabilityContext } from './order-availability.ts';

// The rules context of one order, built from what the order's use case has already read (customer, ship-to,
// products): only the commercial part and the usual products the order does not hold are read here. Same
// shape as `loadRulesContext` gives, in fewer queries.

type CustomerRef = { id: number; typology: string; creditLimitCents: number; priceListId: number | null };
type ScheduleRef = {
  id: number;
  deliveryWeekdays: RulesContext['deliveryPoint']['deliveryWeekdays'];
  leadTimeDays: number;
  cutoffTime: string;
};

export type OrderRulesInput = {
  customer: CustomerRef;
  deliveryPoint: ScheduleRef;
  /** The order's products, already read. */
  products: ReadonlyMap<number, Product>;
  now: Date;
  /** Prices and promotions follow the order's date: today for a new order, its creation day for a stored one. */
  orderDate?: IsoDate;
  /** A stored order is not counted among its own customer's open orders. */
  excludeOrderId?: number;
  /** False when no suggestion will be made: the usual products are then not looked up. */
  withUsualProducts?: boolean;
  /** The availability rule's stock, lots, receipts and other orders (issue 16): at entry, quote, save and confirmation. */
  withAvailability?: boolean;
  /**
   * False for an EDI order: it takes no complaint gesture, the retailer's invoice (INVOIC) carries the lines only and
   * would never show it; the gesture waits for an order the desk or the portal takes.
   */
  takesGestures?: boolean;
};

export async function orderRulesContext(db: DbOrTrx, input: OrderRulesInput): Promise<RulesContext> {
  const today = parisNow(input.now);
  const productIds = [...input.products.keys()];
  const [commercial, stock] = await Promise.all([
    loadCommercialContext(db, input.customer, {
      date: input.orderDate ?? today.date,
      now: input.now,
      productIds,
      excludeOrderId: input.excludeOrderId,
      withUsualProducts: input.withUsualProducts,
    }),
    input.withAvailability ? orderAvailabilityContext(db, input.products, input.customer.id, input.excludeOrderId) : undefined,
  ]);
  const products = new Map(stock?.products ?? input.products);
  const missing = commercial.usualProductIds.filter((id) => !products.has(id));
  for (const row of await findProductsByIds(db, missing)) products.set(row.id, toProduct(row));
  const context = rulesContextOf(
    { ...input, products, today },
    input.takesGestures === false ? { ...commercial, gestures: [] } : commercial,
  );
  return stock ? { ...context, availability: stock.availability } : context;
}

/**
 * The rules context from a commercial context already read (an EDI run keeps one per customer and day): `products`
 * holds the order's products and the usual ones. Pure.
 */
export function rulesContextOf(
  input: Pick<OrderRulesInput, 'customer' | 'deliveryPoint' | 'products'> & { today: RulesContext['today'] },
  commercial: CommercialContext,
): RulesContext {
  const p = input.deliveryPoint;
  return {
    today: input.today,
    customer: { id: input.customer.id, typology: input.customer.typology as Typology },
    deliveryPoint: { id: p.id, deliveryWeekdays: p.deliveryWeekdays, leadTimeDays: p.leadTimeDays, cutoffTime: p.cutoffTime },
    terms: commercial.terms,
    agreement: commercial.agreement,
    priceList: commercial.priceList,
    promotions: commercial.promotions,
    products: input.products,
    usualProductIds: commercial.usualProductIds,
    gestures: commercial.gestures,
  };
}

/** The Paris day an order was taken: a stored order keeps the prices and promotions of that day. */
export function orderDateOf(createdAt: string): IsoDate {
  return parisNow(new Date(createdAt)).date;
}

/** A stored order's lines as the rules read them, in line order (line i of the draft is lineNo i + 1). */
export function storedDraft(
  order: { deliveryPointId: number; requestedDate: string | null; createdAt: string },
  lines: readonly {
    id: number;
    productId: number;
    quantity: number;
    expectedUnitPriceCents?: number | null;
    agreedUnitPriceCents?: number | null;
  }[],
): OrderDraft {
  return {
    // The customer's EDI price and the one the desk agreed stay with the line: every re-check sees them.
    lines: lines.map((l) => ({
      lineId: l.id,
      productId: l.productId,
      quantity: l.quantity,
      ...(l.expectedUnitPriceCents == null ? {} : { expectedUnitPriceCents: l.expectedUnitPriceCents }),
      ...(l.agreedUnitPriceCents == null ? {} : { agreedUnitPriceCents: l.agreedUnitPriceCents }),
    })),
    deliveryPointId: order.deliveryPointId,
    requestedDate: order.requestedDate,
    orderDate: orderDateOf(order.createdAt),
  };
}
