import type { Weekday } from '../../core/calendar/dates.ts';
import { type IsoDate, parisNow } from '../../core/calendar/dates.ts';
import { earliestDeliveryDate } from '../../core/calendar/delivery-date.ts';
import type { Product, ProductStatus, SaleUnit, TemperatureClass } from '../../core/catalog/product.ts';
import type { Channel, Contact, Customer, CustomerDetail, DeliveryPoint, Typology } from '../../core/customers/customer.ts';
import type { PriceTier } from '../../core/pricing/price-list.ts';
import type { DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import {
  type ContactRow,
  type CustomerRow,
  type DeliveryPointRow,
  findCustomerRow,
  listContactRows,
  listCustomerCodes,
  listDeliveryPointRows,
  listPriceTiers,
  type ProductRow,
} from './order-context.repository.ts';

export type CustomerCodeRef = { code: string; productId: number; unitFactor: number };

/** What the order-entry screen needs to price and check an order as it is typed, with the same core functions. */
export type OrderContext = {
  customer: CustomerDetail;
  productCodes: CustomerCodeRef[];
  prices: PriceTier[];
  earliestDates: Record<string, IsoDate | null>;
  today: IsoDate;
};

export function toProduct(row: ProductRow): Product {
  return { ...row, saleUnit: row.saleUnit as SaleUnit, temperatureClass: row.temperatureClass as TemperatureClass, status: row.status as ProductStatus };
}

export function toDeliveryPoint(row: DeliveryPointRow): DeliveryPoint {
  return {
    ...row,
    deliveryWeekdays: row.deliveryWeekdays.split(',').filter(Boolean) as Weekday[],
    appointmentRequired: Boolean(row.appointmentRequired),
    isDefault: Boolean(row.isDefault),
  };
}

export function toCustomer(row: CustomerRow): Customer {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return { ...rest, typology: rest.typology as Typology, preferredChannel: rest.preferredChannel as Channel };
}

const toContact = (row: ContactRow): Contact => row;

/** The first date a delivery point can receive an order taken now, on the Paris wall clock. */
export function earliestDateFor(point: DeliveryPoint, now: { date: IsoDate; time: string } = parisNow(new Date())): IsoDate | null {
  return earliestDeliveryDate(now, point);
}

export async function loadOrderContext(db: DbOrTrx, customerId: number): Promise<OrderContext> {
  const row = await findCustomerRow(db, customerId);
  if (!row) throw notFound('Customer', customerId);
  const [points, contacts, codes, tiers] = await Promise.all([
    listDeliveryPointRows(db, customerId),
    listContactRows(db, customerId),
    listCustomerCodes(db, customerId),
    row.priceListId === null ? Promise.resolve([]) : listPriceTiers(db, row.priceListId),
  ]);
  const now = parisNow(new Date());
  const deliveryPoints = points.map(toDeliveryPoint);
  return {
    customer: { ...toCustomer(row), deliveryPoints, contacts: contacts.map(toContact) },
    productCodes: codes,
    prices: tiers,
    earliestDates: Object.fromEntries(deliveryPoints.map((p) => [String(p.id), earliestDateFor(p, now)])),
    today: now.date,
  };
}
