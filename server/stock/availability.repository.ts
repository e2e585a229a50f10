import { type Insertable, sql, type Updateable } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { CustomerSupplySettingsTable, PlannedReceiptsTable, StockLotsTable } from './availability.table.ts';

// The SQL of availability: lots, planned receipts, the open lines of confirmed orders, customers' shortage settings.

function lotQuery(db: DbOrTrx) {
  return db
    .selectFrom('stockLots')
    .innerJoin('warehouses', 'warehouses.id', 'stockLots.warehouseId')
    .innerJoin('products', 'products.id', 'stockLots.productId')
    .select([
      'stockLots.id',
      'stockLots.warehouseId',
      'warehouses.code as warehouseCode',
      'stockLots.productId',
      'products.code as productCode',
      'stockLots.lot',
      'stockLots.productionDate',
      'stockLots.bestBefore',
      'stockLots.quantity',
    ]);
}

export function listLots(db: DbOrTrx, filter: { productIds?: readonly number[]; warehouseId?: number }) {
  let q = lotQuery(db);
  if (filter.productIds) q = q.where('stockLots.productId', 'in', filter.productIds.length ? filter.productIds : [-1]);
  if (filter.warehouseId !== undefined) q = q.where('stockLots.warehouseId', '=', filter.warehouseId);
  return q.orderBy('stockLots.productId').orderBy('stockLots.bestBefore').execute();
}

export function findLot(db: DbOrTrx, id: number) {
  return lotQuery(db).where('stockLots.id', '=', id).executeTakeFirst();
}

export async function updateLot(trx: Trx, id: number, values: Updateable<StockLotsTable>): Promise<void> {
  await trx.updateTable('stockLots').set(values).where('id', '=', id).execute();
}

function receiptQuery(db: DbOrTrx) {
  return db
    .selectFrom('plannedReceipts')
    .innerJoin('warehouses', 'warehouses.id', 'plannedReceipts.warehouseId')
    .innerJoin('products', 'products.id', 'plannedReceipts.productId')
    .select([
      'plannedReceipts.id',
      'plannedReceipts.warehouseId',
      'warehouses.code as warehouseCode',
      'plannedReceipts.productId',
      'products.code as productCode',
      'products.name as productName',
      'products.saleUnit',
      'plannedReceipts.date',
      'plannedReceipts.originalDate',
      'plannedReceipts.quantity',
      'plannedReceipts.kind',
      'plannedReceipts.ref',
      'plannedReceipts.status',
      'plannedReceipts.note',
      'plannedReceipts.updatedAt',
    ]);
}
export type ReceiptRow = NonNullable<Awaited<ReturnType<typeof findReceipt>>>;

export function listReceipts(
  db: DbOrTrx,
  filter: { productIds?: readonly number[]; warehouseId?: number; status?: string; from?: string },
) {
  let q = receiptQuery(db);
  if (filter.productIds) q = q.where('plannedReceipts.productId', 'in', filter.productIds.length ? filter.productIds : [-1]);
  if (filter.warehouseId !== undefined) q = q.where('plannedReceipts.warehouseId', '=', filter.warehouseId);
  if (filter.status) q = q.where('plannedReceipts.status', '=', filter.status);
  if (filter.from) q = q.where('plannedReceipts.date', '>=', filter.from);
  return q.orderBy('plannedReceipts.date').orderBy('products.code').limit(2000).execute();
}

export function findReceipt(db: DbOrTrx, id: number) {
  return receiptQuery(db).where('plannedReceipts.id', '=', id).executeTakeFirst();
}

export function findReceiptByRef(db: DbOrTrx, key: { warehouseId: number; productId: number; ref: string }) {
  return db
    .selectFrom('plannedReceipts')
    .selectAll()
    .where('warehouseId', '=', key.warehouseId)
    .where('productId', '=', key.productId)
    .where('ref', '=', key.ref)
    .executeTakeFirst();
}

export async function insertReceipt(db: DbOrTrx, values: Insertable<PlannedReceiptsTable>): Promise<number> {
  return (await db.insertInto('plannedReceipts').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateReceipt(db: DbOrTrx, id: number, values: Updateable<PlannedReceiptsTable>): Promise<void> {
  await db.updateTable('plannedReceipts').set(values).where('id', '=', id).execute();
}

/**
 * What the open lines of confirmed orders (not yet released: a released line is in stock_levels.reserved) weigh,
 * summed per product, warehouse and date (the line's own planned date, else the order's promised, else requested
 * date), by date. Summed in SQL: availability takes a date's reservations from the oldest lots one after the other,
 * which takes the same goods as their sum, and a desk with thousands of open lines then reads a few rows a product.
 */
export function listOpenReservations(db: DbOrTrx, productIds: readonly number[], excludeOrderId: number | null) {
  const date = sql<string>`coalesce(${sql.ref('orderLines.plannedDate')}, ${sql.ref('orders.promisedDate')}, ${sql.ref('orders.requestedDate')})`;
  let q = db
    .selectFrom('orderLines')
    .innerJoin('orders', 'orders.id', 'orderLines.orderId')
    .select((eb) => [
      'orderLines.productId',
      'orderLines.warehouseId',
      date.as('date'),
      eb.fn.sum<number>('orderLines.quantity').as('quantity'),
    ])
    .where('orders.status', '=', 'confirmed')
    .where('orderLines.status', '=', 'open')
    .where('orderLines.productId', 'in', productIds.length ? productIds : [-1])
    .where(date, 'is not', null);
  if (excludeOrderId !== null) q = q.where('orders.id', '<>', excludeOrderId);
  return q.groupBy(['orderLines.productId', 'orderLines.warehouseId', date]).orderBy(date).execute();
}

export function listStockLevelsOf(db: DbOrTrx, productIds: readonly number[]) {
  return db
    .selectFrom('stockLevels')
    .select(['warehouseId', 'productId', 'onHand', 'reserved'])
    .where('productId', 'in', productIds.length ? productIds : [-1])
    .execute();
}

export function listSubstitutes(db: DbOrTrx, productIds: readonly number[]) {
  return db
    .selectFrom('productSubstitutes')
    .select(['productId', 'substituteId'])
    .where('productId', 'in', productIds.length ? productIds : [-1])
    .execute();
}

export function listShelfLives(db: DbOrTrx, productIds: readonly number[]) {
  return db
    .selectFrom('products')
    .select(['id', 'code', 'shelfLifeDays'])
    .where('id', 'in', productIds.length ? productIds : [-1])
    .execute();
}

export function findSupplySettings(db: DbOrTrx, customerId: number) {
  return db.selectFrom('customerSupplySettings').selectAll().where('customerId', '=', customerId).executeTakeFirst();
}

export async function upsertSupplySettings(
  db: DbOrTrx,
  customerId: number,
  values: Omit<Insertable<CustomerSupplySettingsTable>, 'customerId'>,
): Promise<void> {
  await db
    .insertInto('customerSupplySettings')
    .values({ customerId, ...values })
    .onConflict((oc) => oc.column('customerId').doUpdateSet(values))
    .execute();
}

/** Takes shipped quantities off a warehouse's lots; a lot emptied is removed. */
export async function takeFromLots(
  trx: Trx,
  at: { warehouseId: number; productId: number },
  taken: readonly { lot: string; quantity: number }[],
  updatedAt: string,
): Promise<void> {
  for (const t of taken) {
    await trx
      .updateTable('stockLots')
      .set((eb) => ({ quantity: eb('quantity', '-', t.quantity), updatedAt }))
      .where('warehouseId', '=', at.warehouseId)
      .where('productId', '=', at.productId)
      .where('lot', '=', t.lot)
      .execute();
  }
  await trx
    .deleteFrom('stockLots')
    .where('warehouseId', '=', at.warehouseId)
    .where('productId', '=', at.productId)
    .where('quantity', '<=', 0)
    .execute();
}
