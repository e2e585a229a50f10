import { lineDiscount } from '../../core/orders/line-discount.ts';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Channel } from '../../core/customers/customer.ts';
import { availableActions, hasDeliveries, mayHaveBackorders, type OrderStatus } from '../../core/orders/lifecycle.ts';
import type { LineStatus, Order } from '../../core/orders/order.ts';
import { type OrderSuggestion, toOrderSuggestion } from '../../core/orders/order-findings.ts';
import { moneyOnlyLine, orderTotals } from '../../core/orders/totals.ts';
import type { PricedCharge } from '../../core/pricing/pricing.types.ts';
import { type AuditEvent, listAuditEvents } from '../audit/audit.repository.ts';
import type { DbOrTrx } from '../db/database.ts';
import type { OrderDetail, OrderSummary } from '../../core/orders/orders.schemas.ts';
import { listOrderDeliveries } from '../deliveries/deliveries.service.ts';
import { latestDocumentVersion } from '../documents/document-jobs.repository.ts';
import { ACKNOWLEDGEMENT_KIND } from '../documents/acknowledgement-kind.ts';
import { notFound } from '../errors.ts';
import { listFindingRows } from './findings.repository.ts';
import { toOrderFindingFromRow } from './findings.service.ts';
import { runStoredOrderRules } from './stored-order-rules.ts';
import {
  findOrderRow,
  listBackorders,
  listOrderLineRows,
  listOrderSummaryRows,
  type OrderFilters,
  type OrderLineRow,
  type OrderRow,
} from './orders.repository.ts';

/** The charges as stored: an order saved before they were stored has none. */
export function chargesOf(row: { chargesJson: string | null }): PricedCharge[] {
  return row.chargesJson ? (JSON.parse(row.chargesJson) as PricedCharge[]) : [];
}

/**
 * Totals are recomputed from the lines and charges by the same core function that priced them, so they never
 * drift: a charge counts as a line with money and no goods, as `price` counts it.
 */
export function toOrder(row: OrderRow, lines: OrderLineRow[]): Order {
  const charges = chargesOf(row);
  const chargeLines = charges.map(moneyOnlyLine);
  const totals = orderTotals(chargeLines.length ? [...lines, ...chargeLines] : lines);
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
    deliveryRequirement: row.deliveryRequirement,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    charges,
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
      promotionId: l.promotionId,
      discount: lineDiscount(l),
      freeQuantity: l.freeQuantity,
      warehouseId: l.warehouseId,
      plannedDate: l.plannedDate,
      expectedUnitPriceCents: l.expectedUnitPriceCents,
      agreedUnitPriceCents: l.agreedUnitPriceCents,
      customerLineNo: l.customerLineNo,
    })),
  };
}

export async function getOrder(db: DbOrTrx, id: number): Promise<Order> {
  const [row, lines] = await Promise.all([findOrderRow(db, id), listOrderLineRows(db, id)]);
  if (!row) throw notFound('Order', id);
  return toOrder(row, lines);
}

/**
 * One order with what surrounds it. A draft's suggestions are computed on read (the customer's prices and habits
 * move); `suggestions` passes those a save has just computed, so the answer to a save does not run the rules twice.
 */
export async function getOrderDetail(
  db: DbOrTrx,
  id: number,
  now: Date,
  known: { suggestions?: OrderSuggestion[] } = {},
): Promise<OrderDetail> {
  const order = await getOrder(db, id);
  // Most reads are of drafts and confirmed orders, which cannot have deliveries or backorders yet: don't ask.
  const [deliveries, backorders, findingRows, acknowledgements] = await Promise.all([
    hasDeliveries(order.status) ? listOrderDeliveries(db, id) : [],
    mayHaveBackorders(order.status) ? listBackorders(db, id) : [],
    listFindingRows(db, [id]),
    // The version called for at the last confirmation or change, printed or still being prepared.
    order.status === 'draft' ? 0 : latestDocumentVersion(db, id, ACKNOWLEDGEMENT_KIND),
  ]);
  // The order's own work comes in turns (its rows read; its rules run; its answer written), so that other
  // requests, /api/health first, are served between them: on SQLite the reads alone never give the loop back.
  await nextTurn();
  let suggestions: OrderSuggestion[] = [];
  if (order.status === 'draft' && order.lines.length > 0) {
    if (known.suggestions) suggestions = known.suggestions;
    else {
      const lineIds = order.lines.map((l) => l.id);
      suggestions = (await runStoredOrderRules(db, order, order.lines, { suggest: true, now, availability: false })).suggestions.map((s) =>
        toOrderSuggestion(s, lineIds),
      );
      await nextTurn();
    }
  }
  return {
    ...order,
    deliveries,
    backorders,
    availableActions: availableActions(order.status),
    findings: findingRows.map(toOrderFindingFromRow),
    suggestions,
    acknowledgementVersion: acknowledgements > 0 ? acknowledgements : null,
  };
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
