import { sql } from 'kysely';
import { addDays, parisNow } from '../../core/calendar/dates.ts';
import { CHANNELS } from '../../core/customers/customer-enums.ts';
import {
  type CallFact,
  type ComplaintFact,
  DELIVERY_SUM_KEYS,
  type DeliverySums,
  emptyDeliverySums,
  type InterviewFact,
  type PenaltyFact,
  type RiskFact,
} from '../../core/reports/figures.ts';
import type { DbOrTrx } from '../db/database.ts';

// The reports' SQL. The delivery figures read the fact tables (facts.repository.ts) and come back as sums per value
// of one column; the service folds those into weeks, months, typologies and categories, and makes the figures with
// core/reports/figures.ts. Complaints, notices, calls and interviews are few: their rows come back and core counts them.

export type Period = { from: string; to: string };
/** The order dimensions the facts carry, and the line ones. */
export type OrderColumn = 'deliveredOn' | 'customerId' | 'deliveryPointId' | 'assistantId';
export type LineColumn = 'deliveredOn' | 'productId' | 'warehouseId' | 'customerId' | 'assistantId';
export type SumsRow = { key: string | number | null } & DeliverySums;

const n = (v: unknown) => Number(v ?? 0);

/** A row of sums as the driver gives it (PostgreSQL's sums as numbers, the sums a query does not make 0), keyed. */
export function sumsRow(r: Record<string, unknown>, key: string | number | null): SumsRow {
  const out = { ...emptyDeliverySums(), key };
  for (const k of DELIVERY_SUM_KEYS) out[k] = n(r[k]);
  return out;
}

/** The order figures' sums per value of `column`, over the orders delivered in the period (her own when `assistantId`). */
export async function orderSums(db: DbOrTrx, period: Period, column: OrderColumn, assistantId: number | null): Promise<SumsRow[]> {
  let q = db
    .selectFrom('reportOrders')
    .where('deliveredOn', '>=', period.from)
    .where('deliveredOn', '<=', period.to)
    .select((eb) => [
      eb.ref(column).as('key'),
      eb.fn.countAll<number>().as('orders'),
      eb.fn.sum<number>('onTime').as('ordersOnTime'),
      eb.fn.sum<number>('inFull').as('ordersInFull'),
      eb.fn.sum<number>(sql`on_time * in_full`).as('ordersOtif'),
      eb.fn.sum<number>('leadTimeDays').as('leadTimeDaysSum'),
      eb.fn.sum<number>('lateDays').as('lateDaysSum'),
      eb.fn.sum<number>('lines').as('lines'),
      eb.fn.sum<number>('linesComplete').as('linesComplete'),
      eb.fn.sum<number>('quantityOrdered').as('quantityOrdered'),
      eb.fn.sum<number>('quantityDelivered').as('quantityDelivered'),
      eb.fn.sum<number>('backorders').as('backorders'),
      eb.fn.count<number>('confirmedAt').as('ordersConfirmed'),
      eb.fn.sum<number>('confirmedOnTime').as('ordersConfirmedOnTime'),
      eb.fn.sum<number>('touchless').as('ordersTouchless'),
      // One sum per channel, in the same scan (the channels are a closed list: core/customers CHANNELS).
      ...CHANNELS.map((c) => eb.fn.sum<number>(sql`case when channel = ${c} then 1 else 0 end`).as(`${c}Orders`)),
    ])
    .groupBy(column);
  if (assistantId !== null) q = q.where('assistantId', '=', assistantId);
  return (await q.execute()).map((r) => sumsRow(r, r.key));
}

/** The line figures' sums per value of `column` (product, warehouse): order figures stay 0 there. */
export async function lineSums(db: DbOrTrx, period: Period, column: LineColumn, assistantId: number | null): Promise<SumsRow[]> {
  let q = db
    .selectFrom('reportLines')
    .where('deliveredOn', '>=', period.from)
    .where('deliveredOn', '<=', period.to)
    .select((eb) => [
      eb.ref(column).as('key'),
      eb.fn.countAll<number>().as('lines'),
      eb.fn.sum<number>(sql`case when delivered >= quantity then 1 else 0 end`).as('linesComplete'),
      eb.fn.sum<number>('quantity').as('quantityOrdered'),
      eb.fn.sum<number>('delivered').as('quantityDelivered'),
      eb.fn.sum<number>(sql`case when status = 'backordered' and delivered < quantity then 1 else 0 end`).as('backorders'),
    ])
    .groupBy(column);
  if (assistantId !== null) q = q.where('assistantId', '=', assistantId);
  return (await q.execute()).map((r) => sumsRow(r, r.key));
}

/** Instants are stored in UTC: a Paris day lies within the UTC day before and the one after; core keeps the exact ones. */
const instantWindow = (p: Period) => ({ from: addDays(p.from, -1), to: `${addDays(p.to, 1)}T99` });
/** An instant as the Paris wall clock YYYY-MM-DDTHH:MM, the form the figures compare times in. */
export const parisWall = (instant: string) => {
  const p = parisNow(new Date(instant));
  return `${p.date}T${p.time}`;
};
const within = (p: Period, date: string) => date.slice(0, 10) >= p.from && date.slice(0, 10) <= p.to;

/** An event with what it is grouped by: its customer's, and the delivery point of its order (none without an order). */
export type WithCustomer<T> = T & { customerName: string; typology: string; assistantId: number | null; deliveryPointId: number | null };

export async function complaintFacts(
  db: DbOrTrx,
  period: Period,
  assistantId: number | null,
): Promise<WithCustomer<ComplaintFact & { productIds: number[]; warehouseId: number | null }>[]> {
  const w = instantWindow(period);
  let q = db
    .selectFrom('complaints')
    .innerJoin('customers', 'customers.id', 'complaints.customerId')
    .leftJoin('deliveries', 'deliveries.id', 'complaints.deliveryId')
    .leftJoin('orders', 'orders.id', 'complaints.orderId')
    .where('complaints.receivedAt', '>=', w.from)
    .where('complaints.receivedAt', '<=', w.to)
    .select([
      'complaints.id',
      'complaints.number',
      'complaints.customerId',
      'complaints.orderId',
      'complaints.receivedAt',
      'complaints.answerBy',
      'complaints.answeredAt',
      'complaints.resolvedAt',
      'customers.name as customerName',
      'customers.typology',
      'customers.assistantUserId',
      'deliveries.warehouseId',
      'orders.deliveryPointId',
    ]);
  if (assistantId !== null) q = q.where('customers.assistantUserId', '=', assistantId);
  const rows = (await q.execute()).map((r) => ({ ...r, receivedAt: parisWall(r.receivedAt) })).filter((r) => within(period, r.receivedAt));
  const products = rows.length
    ? await db
        .selectFrom('complaintLines')
        .where(
          'complaintId',
          'in',
          rows.map((r) => r.id),
        )
        .select(['complaintId', 'productId'])
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    customerId: r.customerId,
    orderId: r.orderId,
    receivedAt: r.receivedAt,
    answerBy: r.answerBy,
    answeredAt: r.answeredAt ? parisWall(r.answeredAt) : null,
    resolvedAt: r.resolvedAt ? parisWall(r.resolvedAt) : null,
    customerName: r.customerName,
    typology: r.typology,
    assistantId: r.assistantUserId,
    warehouseId: r.warehouseId,
    deliveryPointId: r.deliveryPointId,
    productIds: [...new Set(products.filter((p) => p.complaintId === r.id).map((p) => p.productId))],
  }));
}

export async function penaltyFacts(db: DbOrTrx, period: Period, assistantId: number | null): Promise<WithCustomer<PenaltyFact>[]> {
  let q = db
    .selectFrom('penaltyNotices')
    .innerJoin('customers', 'customers.id', 'penaltyNotices.customerId')
    .leftJoin('orders', 'orders.id', 'penaltyNotices.orderId')
    .where('penaltyNotices.receivedDate', '>=', period.from)
    .where('penaltyNotices.receivedDate', '<=', period.to)
    .select([
      'penaltyNotices.id',
      'penaltyNotices.reference',
      'penaltyNotices.customerId',
      'penaltyNotices.orderId',
      'penaltyNotices.receivedDate',
      'penaltyNotices.claimedCents',
      'penaltyNotices.status',
      'penaltyNotices.contestedAt',
      'penaltyNotices.acceptedCents',
      'customers.name as customerName',
      'customers.typology',
      'customers.assistantUserId',
      'orders.deliveryPointId',
    ]);
  if (assistantId !== null) q = q.where('customers.assistantUserId', '=', assistantId);
  return (await q.execute()).map((r) => ({
    id: r.id,
    reference: r.reference,
    customerId: r.customerId,
    orderId: r.orderId,
    receivedDate: r.receivedDate,
    claimedCents: Number(r.claimedCents),
    status: r.status,
    contested: r.contestedAt !== null || r.status === 'contested',
    acceptedCents: r.acceptedCents === null ? null : Number(r.acceptedCents),
    customerName: r.customerName,
    typology: r.typology,
    assistantId: r.assistantUserId,
    deliveryPointId: r.deliveryPointId,
  }));
}

/**
 * The risks resolved in the period (Paris date of the resolution); core keeps those resolved before they failed. An
 * assistant's own are her customers'.
 */
export async function riskFacts(
  db: DbOrTrx,
  period: Period,
  assistantId: number | null,
): Promise<WithCustomer<RiskFact & { productId: number | null; orderNumber: string }>[]> {
  const w = instantWindow(period);
  let q = db
    .selectFrom('risks')
    .innerJoin('customers', 'customers.id', 'risks.customerId')
    .innerJoin('orders', 'orders.id', 'risks.orderId')
    .where('risks.status', '=', 'resolved')
    .where('risks.resolvedAt', '>=', w.from)
    .where('risks.resolvedAt', '<=', w.to)
    .select([
      'risks.id',
      'risks.customerId',
      'risks.orderId',
      'risks.productId',
      'risks.cause',
      'risks.promisedDate',
      'risks.resolvedAt',
      'risks.exposureCents',
      'orders.number as orderNumber',
      'orders.deliveryPointId',
      'customers.name as customerName',
      'customers.typology',
      'customers.assistantUserId',
    ]);
  if (assistantId !== null) q = q.where('customers.assistantUserId', '=', assistantId);
  return (await q.execute())
    .map(({ resolvedAt, assistantUserId, ...r }) => ({
      ...r,
      exposureCents: Number(r.exposureCents),
      resolvedOn: parisNow(new Date(resolvedAt!)).date,
      assistantId: assistantUserId,
    }))
    .filter((r) => within(period, r.resolvedOn));
}

/** Calls: an assistant's own are those she made (not her customers'). */
export async function callFacts(db: DbOrTrx, period: Period, assistantId: number | null): Promise<WithCustomer<CallFact>[]> {
  let q = db
    .selectFrom('calls')
    .innerJoin('customers', 'customers.id', 'calls.customerId')
    .leftJoin('orders', 'orders.id', 'calls.orderId')
    .where('calls.localDate', '>=', period.from)
    .where('calls.localDate', '<=', period.to)
    .select([
      'calls.id',
      'calls.customerId',
      'calls.orderId',
      'calls.localDate',
      'calls.purpose',
      'calls.durationSeconds',
      'calls.userId',
      'customers.name as customerName',
      'customers.typology',
      'orders.deliveryPointId',
    ]);
  if (assistantId !== null) q = q.where('calls.userId', '=', assistantId);
  return (await q.execute()).map(({ userId, ...r }) => ({ ...r, assistantId: userId }));
}

export async function interviewFacts(db: DbOrTrx, period: Period, assistantId: number | null): Promise<WithCustomer<InterviewFact>[]> {
  const w = instantWindow(period);
  let q = db
    .selectFrom('satisfactionInterviews')
    .innerJoin('customers', 'customers.id', 'satisfactionInterviews.customerId')
    .where('satisfactionInterviews.at', '>=', w.from)
    .where('satisfactionInterviews.at', '<=', w.to)
    .select([
      'satisfactionInterviews.id',
      'satisfactionInterviews.customerId',
      'satisfactionInterviews.at',
      'satisfactionInterviews.overall',
      'customers.name as customerName',
      'customers.typology',
      'customers.assistantUserId',
    ]);
  if (assistantId !== null) q = q.where('customers.assistantUserId', '=', assistantId);
  return (await q.execute())
    .map((r) => ({
      id: r.id,
      customerId: r.customerId,
      date: parisNow(new Date(r.at)).date,
      overall: r.overall,
      customerName: r.customerName,
      typology: r.typology,
      assistantId: r.assistantUserId,
      deliveryPointId: null,
    }))
    .filter((r) => within(period, r.date));
}

/** Labels and attributes of the keys a report shows. */
export async function customersByIds(db: DbOrTrx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('customers').where('id', 'in', ids).select(['id', 'name', 'code', 'typology', 'assistantUserId']).execute();
}
export async function productsByIds(db: DbOrTrx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('products').where('id', 'in', ids).select(['id', 'code', 'name', 'family']).execute();
}
export async function deliveryPointsByIds(db: DbOrTrx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('deliveryPoints').where('id', 'in', ids).select(['id', 'name']).execute();
}
export async function warehouseLabels(db: DbOrTrx) {
  return db.selectFrom('warehouses').select(['id', 'name']).execute();
}
export async function userLabels(db: DbOrTrx) {
  return db.selectFrom('users').select(['id', 'name']).execute();
}

/** The orders behind an order figure, with their lines that fell short (drill-down). */
export async function drillOrders(
  db: DbOrTrx,
  period: Period,
  where: { column: OrderColumn | 'customerIds'; value: unknown } | null,
  assistantId: number | null,
) {
  let q = db
    .selectFrom('reportOrders')
    .innerJoin('orders', 'orders.id', 'reportOrders.orderId')
    .innerJoin('customers', 'customers.id', 'reportOrders.customerId')
    .leftJoin('users as toucher', 'toucher.id', 'reportOrders.touchedBy')
    .where('reportOrders.deliveredOn', '>=', period.from)
    .where('reportOrders.deliveredOn', '<=', period.to)
    .selectAll('reportOrders')
    .select(['orders.number', 'customers.name as customerName', 'toucher.name as touchedByName'])
    .orderBy('reportOrders.deliveredOn')
    .orderBy('reportOrders.orderId');
  if (assistantId !== null) q = q.where('reportOrders.assistantId', '=', assistantId);
  if (where?.column === 'customerIds') q = q.where('reportOrders.customerId', 'in', where.value as number[]);
  else if (where)
    q =
      where.value === null
        ? q.where(`reportOrders.${where.column}`, 'is', null)
        : q.where(`reportOrders.${where.column}`, '=', where.value as never);
  return q.execute();
}

export async function drillLines(
  db: DbOrTrx,
  period: Period,
  where: { column: LineColumn | 'deliveryPointId' | 'customerIds' | 'productIds'; value: unknown } | null,
  assistantId: number | null,
  onlyOrderIds?: readonly number[],
) {
  let q = db
    .selectFrom('reportLines')
    .innerJoin('orders', 'orders.id', 'reportLines.orderId')
    .innerJoin('customers', 'customers.id', 'reportLines.customerId')
    .innerJoin('products', 'products.id', 'reportLines.productId')
    .innerJoin('reportOrders', 'reportOrders.orderId', 'reportLines.orderId')
    .where('reportLines.deliveredOn', '>=', period.from)
    .where('reportLines.deliveredOn', '<=', period.to)
    .selectAll('reportLines')
    .select(['orders.number', 'customers.name as customerName', 'products.code as productCode', 'reportOrders.dueOn'])
    .orderBy('reportLines.deliveredOn')
    .orderBy('reportLines.orderId')
    .orderBy('reportLines.lineNo');
  if (assistantId !== null) q = q.where('reportLines.assistantId', '=', assistantId);
  if (onlyOrderIds) q = q.where('reportLines.orderId', 'in', onlyOrderIds.length ? onlyOrderIds : [0]);
  if (where?.column === 'customerIds') q = q.where('reportLines.customerId', 'in', where.value as number[]);
  else if (where?.column === 'productIds') q = q.where('reportLines.productId', 'in', where.value as number[]);
  // A line's delivery point is its order's.
  else if (where?.column === 'deliveryPointId')
    q =
      where.value === null
        ? q.where('reportOrders.deliveryPointId', 'is', null)
        : q.where('reportOrders.deliveryPointId', '=', where.value as number);
  else if (where)
    q =
      where.value === null
        ? q.where(`reportLines.${where.column}`, 'is', null)
        : q.where(`reportLines.${where.column}`, '=', where.value as never);
  return q.execute();
}

/** The customers of a typology, and the products of a family: keys that fold into a report row. */
export async function customerIdsOfTypology(db: DbOrTrx, typology: string): Promise<number[]> {
  return (await db.selectFrom('customers').where('typology', '=', typology).select('id').execute()).map((r) => r.id);
}
export async function productIdsOfFamily(db: DbOrTrx, family: string): Promise<number[]> {
  return (await db.selectFrom('products').where('family', '=', family).select('id').execute()).map((r) => r.id);
}
