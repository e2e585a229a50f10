import { type IsoDate, parisNow } from '../../core/calendar/dates.ts';
import { earliestDeliveryDate } from '../../core/calendar/delivery-date.ts';
import type { DeliveryPoint } from '../../core/customers/customer.ts';
import { getCustomerDetail } from '../customers/customers.service.ts';
import type { OrderContext } from '../../core/orders/orders.schemas.ts';
import type { DbOrTrx } from '../db/database.ts';
import { loadCommercialContext } from '../terms/rules-context.ts';
import { listCustomerCodes, listPriceTiers } from './order-context.repository.ts';

export type CustomerCodeRef = { code: string; productId: number; unitFactor: number };

// What the order-entry screen needs to price and check an order as it is typed, with the same core functions:
// OrderContext (core/orders/orders.schemas.ts).
// CommercialContext: the customer's terms (its typology's CGV merged with its agreement) and their version's code;
// the agreement (assortment, credit figures, its own net prices); its price list with every tier and the order-level
// discount; the promotions open to it (recently ended to soon starting) with their pitches; its usual products.

/** The first date a delivery point can receive an order taken now, on the Paris wall clock. */
export function earliestDateFor(point: DeliveryPoint, now: { date: IsoDate; time: string }): IsoDate | null {
  return earliestDeliveryDate(now, point);
}

/** The customer as its own screen shows it (404 when unknown), with its codes, its prices and its dates. */
export async function loadOrderContext(db: DbOrTrx, customerId: number, instant: Date, orderId?: number): Promise<OrderContext> {
  const customer = await getCustomerDetail(db, customerId);
  const [codes, tiers] = await Promise.all([
    listCustomerCodes(db, customerId),
    customer.priceListId === null ? Promise.resolve([]) : listPriceTiers(db, customer.priceListId),
  ]);
  const now = parisNow(instant);
  const commercial = await loadCommercialContext(db, customer, { date: now.date, now: instant, excludeOrderId: orderId });
  return {
    customer,
    productCodes: codes,
    prices: tiers,
    earliestDates: Object.fromEntries(customer.deliveryPoints.map((p) => [String(p.id), earliestDateFor(p, now)])),
    today: now.date,
    now,
    ...commercial,
  };
}
