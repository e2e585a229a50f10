import { addDays, daysBetween, type IsoDate, parisNow } from '../../core/calendar/dates.ts';
import type { Product } from '../../core/catalog/product.ts';
import type { Customer, DeliveryPoint } from '../../core/customers/customer.ts';
import type { DailyUse, DeliveredQuantity, ProposalLine } from '../../core/customer-stock/customer-stock.types.ts';
import { dailyUse } from '../../core/customer-stock/daily-use.ts';
import { proposeOrder } from '../../core/customer-stock/propose.ts';
import type { OrderMultiples } from '../../core/terms/terms.types.ts';
import { findProductsByIds } from '../catalog/products.repository.ts';
import { toProduct } from '../catalog/products.service.ts';
import { toCustomer, toDeliveryPoint } from '../customers/customer.mapping.ts';
import { findCustomer, listDeliveryPoints } from '../customers/customers.repository.ts';
import type { DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { earliestDateFor } from '../orders/order-context.ts';
import { customerTermsOn } from '../terms/terms.service.ts';
import {
  findVmiSettings,
  listDeliveredRows,
  listOpenOrderRows,
  listStockLineRows,
  type StockLineRow,
} from './customer-stock.repository.ts';

/** Without a setting of its own, a customer's stock is brought back to this many days. */
export const DEFAULT_TARGET_COVER_DAYS = 10;
/** Reports older than this no longer describe today's use: eight weeks of history. */
const HISTORY_DAYS = 56;

export type VmiSettings = { customerId: number; enabled: boolean; targetCoverDays: number; updatedAt: string | null };

/** One product at one delivery point: its latest report, its use, and what the proposal makes of it. */
export type ProductPicture = ProposalLine & {
  product: Product;
  reportDate: IsoDate;
  source: string;
  averageDailySales: number | null;
  promoUpliftBp: number | null;
  use: DailyUse;
};

export type PointPicture = { point: DeliveryPoint; deliveryDate: IsoDate | null; products: ProductPicture[] };

export type StockPicture = { customer: Customer; settings: VmiSettings; today: IsoDate; points: PointPicture[] };

export async function vmiSettingsOf(db: DbOrTrx, customerId: number): Promise<VmiSettings> {
  const row = await findVmiSettings(db, customerId);
  return row
    ? { customerId, enabled: Boolean(row.enabled), targetCoverDays: row.targetCoverDays, updatedAt: row.updatedAt }
    : { customerId, enabled: false, targetCoverDays: DEFAULT_TARGET_COVER_DAYS, updatedAt: null };
}

/** The Paris day an instant falls on. */
const parisDate = (instant: string) => parisNow(new Date(instant)).date;

/**
 * Everything known of a customer's own stock, per delivery point that reported: the latest figure per product, its
 * daily use (from the reports and our deliveries of the last eight weeks), and the proposal that brings it back to
 * the target cover on the point's earliest delivery date. What reached or will reach the customer after its report
 * (delivered since, or confirmed for delivery by that date) counts as on order.
 */
export async function loadStockPicture(db: DbOrTrx, customerId: number, now: Date): Promise<StockPicture> {
  const customerRow = await findCustomer(db, customerId);
  if (!customerRow) throw notFound('Customer', customerId);
  const customer = toCustomer(customerRow);
  const clock = parisNow(now);
  const since = addDays(clock.date, -HISTORY_DAYS);
  const [pointRows, lineRows, deliveredRows, openRows, settings, terms] = await Promise.all([
    listDeliveryPoints(db, customerId),
    listStockLineRows(db, customerId, since),
    listDeliveredRows(db, customerId, `${addDays(since, -1)}T00:00:00.000Z`),
    listOpenOrderRows(db, customerId),
    vmiSettingsOf(db, customerId),
    customerTermsOn(db, customer, clock.date),
  ]);
  const products = new Map((await findProductsByIds(db, [...new Set(lineRows.map((l) => l.productId))])).map((r) => [r.id, toProduct(r)]));
  const points: PointPicture[] = [];
  for (const point of pointRows.map(toDeliveryPoint)) {
    const lines = lineRows.filter((l) => l.deliveryPointId === point.id);
    if (!lines.length) continue;
    const delivered: DeliveredQuantity[] = deliveredRows
      .filter((d) => d.deliveryPointId === point.id && d.deliveredAt)
      .map((d) => ({ productId: d.productId, date: parisDate(d.deliveredAt!), quantity: d.deliveredQuantity ?? d.quantity }));
    const open = openRows.filter((o) => o.deliveryPointId === point.id);
    const deliveryDate = earliestDateFor(point, clock);
    points.push({
      point,
      deliveryDate,
      products: pointProducts(lines, delivered, open, products, {
        deliveryDate: deliveryDate ?? clock.date,
        settings,
        multiples: terms.effective.orderMultiples,
      }),
    });
  }
  return { customer, settings, today: clock.date, points };
}

function pointProducts(
  lines: StockLineRow[],
  delivered: DeliveredQuantity[],
  open: { productId: number; quantity: number; promisedDate: string | null; requestedDate: string | null }[],
  products: Map<number, Product>,
  ctx: { deliveryDate: IsoDate; settings: VmiSettings; multiples: OrderMultiples },
): ProductPicture[] {
  const uses = dailyUse(
    lines.map((l) => ({
      productId: l.productId,
      date: l.reportDate,
      onHand: l.onHand,
      averageDailySales: l.averageDailySalesCenti === null ? null : l.averageDailySalesCenti / 100,
    })),
    delivered,
  );
  const latest = new Map<number, StockLineRow>();
  for (const l of lines) latest.set(l.productId, l);
  const items = [...latest.values()].map((l) => {
    const arrived = delivered.filter((d) => d.productId === l.productId && d.date > l.reportDate).reduce((s, d) => s + d.quantity, 0);
    const coming = open
      .filter((o) => o.productId === l.productId && (o.promisedDate ?? o.requestedDate ?? '') <= ctx.deliveryDate)
      .reduce((s, o) => s + o.quantity, 0);
    return {
      line: l,
      product: products.get(l.productId)!,
      onHand: l.onHand,
      onOrder: arrived + coming,
      dailyUse: uses.get(l.productId)!.perDay,
      promoUpliftBp: l.promoUpliftBp,
      leadTimeDays: Math.max(daysBetween(l.reportDate, ctx.deliveryDate), 0),
    };
  });
  const proposal = proposeOrder({ items, targetCoverDays: ctx.settings.targetCoverDays, leadTimeDays: 0, multiples: ctx.multiples });
  return proposal
    .map((p, i) => {
      const l = items[i].line;
      return {
        ...p,
        product: items[i].product,
        reportDate: l.reportDate,
        source: l.source,
        averageDailySales: l.averageDailySalesCenti === null ? null : l.averageDailySalesCenti / 100,
        promoUpliftBp: l.promoUpliftBp,
        use: uses.get(l.productId)!,
      };
    })
    .sort((a, b) => a.product.code.localeCompare(b.product.code));
}
