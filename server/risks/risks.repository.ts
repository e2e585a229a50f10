import { type Insertable, sql } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { RiskCause, RiskStatus } from '../../core/risks/risk.types.ts';
import type { RisksTable } from './risks.table.ts';

// The SQL of the risk scan: a few set-based reads of the whole open order book and stock, then batched writes.

const OPEN_ORDER = ['confirmed', 'released'];

/** Confirmed and released orders with what the scan needs of their customer and delivery point (one row an order). */
export function loadOpenOrders(db: DbOrTrx) {
  return db
    .selectFrom('orders')
    .innerJoin('customers', 'customers.id', 'orders.customerId')
    .innerJoin('deliveryPoints', 'deliveryPoints.id', 'orders.deliveryPointId')
    .select([
      'orders.id',
      'orders.number',
      'orders.customerId',
      'orders.status',
      'orders.promisedDate',
      'orders.requestedDate',
      'orders.appointmentAt',
      'orders.palletsCenti',
      'orders.weightG',
      'customers.typology',
      'deliveryPoints.appointmentRequired',
    ])
    .where('orders.status', 'in', OPEN_ORDER)
    .execute();
}

/** Their open lines, narrow: the big read of the scan (one row a line) carries only the line's own figures. */
export function loadOpenLines(db: DbOrTrx) {
  return (
    db
      .selectFrom('orderLines')
      .select(['id', 'orderId', 'lineNo', 'productId', 'quantity', 'netCents', 'warehouseId', 'plannedDate'])
      .where('status', '=', 'open')
      .where('orderId', 'in', (eb) => eb.selectFrom('orders').select('id').where('status', 'in', OPEN_ORDER))
      // The first part of a split order may have left already: what shipped is beyond change.
      .where('id', 'not in', (eb) =>
        eb
          .selectFrom('deliveryLines')
          .innerJoin('deliveries', 'deliveries.id', 'deliveryLines.deliveryId')
          .select('deliveryLines.orderLineId')
          .where('deliveries.status', '<>', 'planned')
          .where('deliveries.orderId', 'in', (o) => o.selectFrom('orders').select('id').where('status', '=', 'released')),
      )
      .execute()
  );
}

/** The warehouse each released line leaves from: its planned delivery's. */
export function loadPlannedDeliveryWarehouses(db: DbOrTrx) {
  return db
    .selectFrom('deliveryLines')
    .innerJoin('deliveries', 'deliveries.id', 'deliveryLines.deliveryId')
    .select(['deliveryLines.orderLineId', 'deliveries.warehouseId'])
    .where('deliveries.status', '=', 'planned')
    .execute();
}

export function loadOnHand(db: DbOrTrx) {
  return db.selectFrom('stockLevels').select(['productId', 'warehouseId', 'onHand']).execute();
}

export function loadLots(db: DbOrTrx) {
  return db.selectFrom('stockLots').select(['productId', 'warehouseId', 'productionDate', 'bestBefore', 'quantity']).execute();
}

export function loadReceipts(db: DbOrTrx) {
  return db
    .selectFrom('plannedReceipts')
    .select(['id', 'productId', 'warehouseId', 'date', 'originalDate', 'quantity', 'status', 'ref', 'kind'])
    .execute();
}

export function loadShelfLives(db: DbOrTrx) {
  return db.selectFrom('products').select(['id', 'shelfLifeDays', 'penaltyCategory']).execute();
}

export function loadSupplySettings(db: DbOrTrx) {
  return db.selectFrom('customerSupplySettings').select(['customerId', 'minRemainingShelfLifePct']).execute();
}

export function loadPenaltyClauses(db: DbOrTrx) {
  return db
    .selectFrom('penaltyClauses')
    .select(['customerId', 'l441Applicable', 'missingValueBp', 'lateFlatCents', 'latePerDayCents', 'incidentFlatCents'])
    .execute();
}

/** One truck per typology under the terms in force today, and the customers' own overrides. */
export async function loadTruckLimits(db: DbOrTrx, today: string) {
  const [byTypology, byCustomer] = await Promise.all([
    db
      .selectFrom('termsOfSaleTypologies')
      .innerJoin('termsOfSale', 'termsOfSale.id', 'termsOfSaleTypologies.termsId')
      .select([
        'termsOfSaleTypologies.typology',
        'termsOfSaleTypologies.truckMaxPallets',
        'termsOfSaleTypologies.truckMaxWeightG',
        'termsOfSale.validFrom',
      ])
      .where('termsOfSale.validFrom', '<=', today)
      .where((eb) => eb.or([eb('termsOfSale.validTo', 'is', null), eb('termsOfSale.validTo', '>=', today)]))
      .orderBy('termsOfSale.validFrom')
      .execute(),
    db.selectFrom('customerTerms').select(['customerId', 'truckMaxPallets', 'truckMaxWeightG']).execute(),
  ]);
  return { byTypology, byCustomer };
}

export function loadRiskKeys(db: DbOrTrx) {
  return db
    .selectFrom('risks')
    .select(['id', 'riskKey', 'status', 'shortfall', 'exposureCents', 'priorityScore', 'priorityReasonFr', 'valueCents', 'receiptRef'])
    .where('status', 'in', ['open', 'resolved'])
    .execute();
}

export async function insertRisks(trx: Trx, rows: Insertable<RisksTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('risks')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function updateRisk(trx: Trx, id: number, values: Partial<Insertable<RisksTable>>): Promise<void> {
  await trx.updateTable('risks').set(values).where('id', '=', id).execute();
}

export async function markObsolete(trx: Trx, ids: number[], at: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await trx
      .updateTable('risks')
      .set({ status: 'obsolete', updatedAt: at })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
}

/** PostgreSQL: one scan at a time across every app node; the lock ends with the transaction. */
export async function tryScanLock(trx: Trx): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext('carnet.risk-scan')) as locked`.execute(trx);
  return rows[0]?.locked === true;
}

function riskQuery(db: DbOrTrx) {
  return db
    .selectFrom('risks')
    .innerJoin('orders', 'orders.id', 'risks.orderId')
    .innerJoin('customers', 'customers.id', 'risks.customerId')
    .leftJoin('products', 'products.id', 'risks.productId')
    .leftJoin('orderLines', 'orderLines.id', 'risks.orderLineId')
    .select([
      'risks.id',
      'risks.orderId',
      'orders.number as orderNumber',
      'orders.customerRef',
      'orders.status as orderStatus',
      'risks.orderLineId',
      'orderLines.lineNo',
      'orderLines.quantity as lineQuantity',
      'risks.customerId',
      'customers.code as customerCode',
      'customers.name as customerName',
      'customers.typology',
      'risks.productId',
      'products.code as productCode',
      'products.name as productName',
      'products.saleUnit',
      'risks.cause',
      'risks.promisedDate',
      'risks.shortfall',
      'risks.valueCents',
      'risks.exposureCents',
      'risks.priorityScore',
      'risks.priorityReasonFr',
      'risks.priorityReasonEn',
      'risks.receiptRef',
      'risks.status',
      'risks.detectedAt',
      'risks.updatedAt',
      'risks.resolvedAt',
      'risks.resolvedBy',
      'risks.resolutionOption',
      'risks.resolutionNote',
    ]);
}
export type RiskRow = NonNullable<Awaited<ReturnType<typeof findRisk>>>;

export function listRisks(db: DbOrTrx, filter: { status?: RiskStatus; customerId?: number; cause?: RiskCause; limit: number }) {
  let q = riskQuery(db);
  if (filter.status) q = q.where('risks.status', '=', filter.status);
  if (filter.customerId !== undefined) q = q.where('risks.customerId', '=', filter.customerId);
  if (filter.cause) q = q.where('risks.cause', '=', filter.cause);
  return q.orderBy('risks.priorityScore', 'desc').orderBy('risks.promisedDate').orderBy('risks.id').limit(filter.limit).execute();
}

export function findRisk(db: DbOrTrx, id: number) {
  return riskQuery(db).where('risks.id', '=', id).executeTakeFirst();
}

export async function countOpenRisks(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('risks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
