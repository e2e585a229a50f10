import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import type { CustomerStockLinesTable, CustomerStockReportsTable, CustomerVmiSettingsTable } from './customer-stock.table.ts';

export async function insertStockReport(db: DbOrTrx, values: Insertable<CustomerStockReportsTable>): Promise<number> {
  const row = await db.insertInto('customerStockReports').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertStockLines(db: DbOrTrx, lines: Insertable<CustomerStockLinesTable>[]): Promise<void> {
  if (lines.length) await db.insertInto('customerStockLines').values(lines).execute();
}

/** Every report line of a customer's delivery points since a date, oldest first (a later report of a day last). */
export function listStockLineRows(db: DbOrTrx, customerId: number, since: string) {
  return db
    .selectFrom('customerStockLines')
    .innerJoin('customerStockReports', 'customerStockReports.id', 'customerStockLines.reportId')
    .select([
      'customerStockReports.id as reportId',
      'customerStockReports.deliveryPointId',
      'customerStockReports.reportDate',
      'customerStockReports.source',
      'customerStockLines.productId',
      'customerStockLines.onHand',
      'customerStockLines.averageDailySalesCenti',
      'customerStockLines.promoUpliftBp',
    ])
    .where('customerStockReports.customerId', '=', customerId)
    .where('customerStockReports.reportDate', '>=', since)
    .orderBy('customerStockReports.reportDate')
    .orderBy('customerStockReports.id')
    .execute();
}

export type StockLineRow = Awaited<ReturnType<typeof listStockLineRows>>[number];

/** What the customer's delivery points received from us since an instant: per delivery, product and quantity. */
export function listDeliveredRows(db: DbOrTrx, customerId: number, sinceInstant: string) {
  return db
    .selectFrom('deliveryLines')
    .innerJoin('deliveries', 'deliveries.id', 'deliveryLines.deliveryId')
    .innerJoin('orders', 'orders.id', 'deliveries.orderId')
    .select([
      'orders.deliveryPointId',
      'deliveryLines.productId',
      'deliveryLines.quantity',
      'deliveryLines.deliveredQuantity',
      'deliveries.deliveredAt',
    ])
    .where('orders.customerId', '=', customerId)
    .where('deliveries.status', '=', 'delivered')
    .where('deliveries.deliveredAt', '>=', sinceInstant)
    .execute();
}

/** Lines of the customer's orders confirmed and not yet delivered: goods on their way. */
export function listOpenOrderRows(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('orderLines')
    .innerJoin('orders', 'orders.id', 'orderLines.orderId')
    .select(['orders.deliveryPointId', 'orderLines.productId', 'orderLines.quantity', 'orders.promisedDate', 'orders.requestedDate'])
    .where('orders.customerId', '=', customerId)
    .where('orders.status', 'in', ['confirmed', 'released', 'shipped'])
    .where('orderLines.status', '=', 'open')
    .execute();
}

export function findVmiSettings(db: DbOrTrx, customerId: number) {
  return db.selectFrom('customerVmiSettings').selectAll().where('customerId', '=', customerId).executeTakeFirst();
}

export async function saveVmiSettings(db: DbOrTrx, values: Insertable<CustomerVmiSettingsTable>): Promise<void> {
  const { customerId: _id, ...changes } = values;
  await db
    .insertInto('customerVmiSettings')
    .values(values)
    .onConflict((oc) => oc.column('customerId').doUpdateSet(changes))
    .execute();
}

/** Every product's code and GTINs: a report's rows may name a product by any of them. */
export function listProductIdentifiers(db: DbOrTrx) {
  return db.selectFrom('products').select(['id', 'code', 'gtin', 'caseGtin']).execute();
}
