import type { Channel } from '../../core/customers/customer.ts';
import { availableActions, hasDeliveries, mayHaveBackorders, type OrderAction, type OrderStatus } from '../../core/orders/lifecycle.ts';
import type { LineStatus, Order } from '../../core/orders/order.ts';
import { orderTotals } from '../../core/orders/totals.ts';
import { type AuditEvent, listAuditEvents } from '../audit/audit.repository.ts';
import type { DbOrTrx } from '../db/database.ts';
import { type Delivery, listOrderDeliveries } from '../deliveries/deliveries.service.ts';
import { notFound } from '../errors.ts';
import { findOrderRow, listBackorders, listOrderLineRows, listOrderSummaryRows, type OrderFilters, type OrderLineRow, type OrderRow } from './orders.repository.ts';

export type OrderDetail = Order & {
  deliveries: Delivery[];
  backorders: { id: number; number: string }[];
  availableActions: OrderAction[];
};

export type OrderSummary = Pick<
  Order,
  'id' | 'number' | 'status' | 'customerId' | 'customerName' | 'deliveryPointId' | 'channel' | 'customerRef' | 'requestedDate' | 'promisedDate' | 'backorderOfOrderId' | 'createdAt'
> & {
  totals: Pick<Order['totals'], 'netCents' | 'vatCents' | 'grossCents'>;
  lineCount: number;
};

/** Totals are recomputed from the lines by the same core function that priced them, so they never drift. */
export function toOrder(row: OrderRow, lines: OrderLineRow[]): Order {
  const totals = orderTotals(lines);
  return {
    id: row.id,
    number: row.number,
    status: row.status as OrderStatus,
    customerId: row.customerId,
    customerName: row.customerName,
    deliveryPointId: row.deliveryPointId,
    deliveryPointName: row.deliveryPointName,
    channel: row.channel as Channel,
    customerRef: row.customerRef,
    requestedDate: row.requestedDate,
    promisedDate: row.promisedDate,
    note: row.note,
    backorderOfOrderId: row.backorderOfOrderId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    totals,
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.lineNo,
      productId: l.productId,
      productCode: l.productCode,
      productName: l.productName,
      customerCode: l.customerCode,
      quantity: l.quantity,
      saleUnit: l.saleUnit,
      unitPriceCents: l.unitPriceCents,
      netCents: l.netCents,
      vatRateBp: l.vatRateBp,
      deliveredQuantity: l.deliveredQuantity,
      status: l.status as LineStatus,
      backorderOfLineId: l.backorderOfLineId,
    })),
  };
}

export async function getOrder(db: DbOrTrx, id: number): Promise<Order> {
  const [row, lines] = await Promise.all([findOrderRow(db, id), listOrderLineRows(db, id)]);
  if (!row) throw notFound('Order', id);
  return toOrder(row, lines);
}

export async function getOrderDetail(db: DbOrTrx, id: number): Promise<OrderDetail> {
  const order = await getOrder(db, id);
  // Most reads are of drafts and confirmed orders, which cannot have deliveries or backorders yet: don't ask.
  const [deliveries, backorders] = await Promise.all([
    hasDeliveries(order.status) ? listOrderDeliveries(db, id) : [],
    mayHaveBackorders(order.status) ? listBackorders(db, id) : [],
  ]);
  return { ...order, deliveries, backorders, availableActions: availableActions(order.status) };
}

export async function listOrders(db: DbOrTrx, filters: OrderFilters): Promise<{ items: OrderSummary[]; total: number }> {
  const { rows, total } = await listOrderSummaryRows(db, filters);
  return {
    total,
    items: rows.map(({ netCents, vatCents, grossCents, lineCount, ...r }) => ({
      ...r,
      status: r.status as OrderStatus,
      channel: r.channel as Channel,
      totals: { netCents, vatCents, grossCents },
      lineCount: Number(lineCount ?? 0),
    })),
  };
}

export async function listOrderEvents(db: DbOrTrx, id: number): Promise<AuditEvent[]> {
  const row = await findOrderRow(db, id);
  if (!row) throw notFound('Order', id);
  return listAuditEvents(db, { orderId: id });
}
