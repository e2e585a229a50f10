import type { Insertable, Updateable } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { DeliveriesTable, DeliveryLinesTable } from './deliveries.table.ts';
import { type PickedLot } from '../../core/stock/lot-picking.ts';

export async function insertDelivery(trx: Trx, values: Insertable<DeliveriesTable>): Promise<number> {
  const row = await trx.insertInto('deliveries').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertDeliveryLines(trx: Trx, lines: readonly Insertable<DeliveryLinesTable>[]): Promise<void> {
  if (lines.length === 0) return;
  await trx
    .insertInto('deliveryLines')
    .values([...lines])
    .execute();
}

export async function updateDelivery(trx: Trx, id: number, patch: Updateable<DeliveriesTable>): Promise<void> {
  await trx.updateTable('deliveries').set(patch).where('id', '=', id).execute();
}

export async function updateDeliveryLine(trx: Trx, id: number, patch: Updateable<DeliveryLinesTable>): Promise<void> {
  await trx.updateTable('deliveryLines').set(patch).where('id', '=', id).execute();
}

export async function listDeliveryRows(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('deliveries')
    .innerJoin('warehouses', 'warehouses.id', 'deliveries.warehouseId')
    .leftJoin('documents', 'documents.id', 'deliveries.documentId')
    .selectAll('deliveries')
    .select(['warehouses.code as warehouseCode', 'warehouses.name as warehouseName', 'documents.publicId as documentPublicId'])
    .where('deliveries.orderId', '=', orderId)
    .orderBy('deliveries.id')
    .execute();
}
export type DeliveryRow = Awaited<ReturnType<typeof listDeliveryRows>>[number];

export async function listDeliveryLineRows(db: DbOrTrx, deliveryIds: readonly number[]) {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom('deliveryLines')
    .innerJoin('products', 'products.id', 'deliveryLines.productId')
    .selectAll('deliveryLines')
    .select(['products.code as productCode', 'products.name as productName', 'products.saleUnit'])
    .where('deliveryLines.deliveryId', 'in', [...deliveryIds])
    .orderBy('deliveryLines.id')
    .execute();
}
export type DeliveryLineRow = Awaited<ReturnType<typeof listDeliveryLineRows>>[number];

export async function isDeliveryNoteNumberTaken(db: DbOrTrx, number: string): Promise<boolean> {
  const row = await db.selectFrom('deliveries').select('id').where('deliveryNoteNumber', '=', number).executeTakeFirst();
  return Boolean(row);
}

/** Stock of the given products in every warehouse, to choose where an order ships from. */
export async function listStockLevels(db: DbOrTrx, productIds: readonly number[]) {
  if (productIds.length === 0) return [];
  return db
    .selectFrom('stockLevels')
    .select(['warehouseId', 'productId', 'onHand', 'reserved'])
    .where('productId', 'in', [...productIds])
    .orderBy('warehouseId')
    .execute();
}

export async function listWarehouseIds(db: DbOrTrx): Promise<number[]> {
  const rows = await db.selectFrom('warehouses').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

export async function warehouseCodes(db: DbOrTrx, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('warehouses')
    .select(['id', 'code'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

export async function findCompany(db: DbOrTrx) {
  return db.selectFrom('company').selectAll().orderBy('id').executeTakeFirst();
}

/** The customer and delivery point as printed on a delivery note. */
export async function findShipToParties(db: DbOrTrx, customerId: number, deliveryPointId: number) {
  const [customer, point] = await Promise.all([
    db
      .selectFrom('customers')
      .select(['code', 'name', 'street', 'postcode', 'city', 'country', 'vatNumber'])
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('deliveryPoints')
      .select(['code', 'name', 'gln', 'street', 'postcode', 'city', 'country', 'unloadingNotes'])
      .where('id', '=', deliveryPointId)
      .executeTakeFirstOrThrow(),
  ]);
  return { customer, point };
}

export async function deleteDeliveryLines(trx: Trx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .deleteFrom('deliveryLines')
    .where('id', 'in', [...ids])
    .execute();
}

/** Only a planned delivery is ever deleted: nothing was printed or shipped for it. */
export async function deletePlannedDeliveries(trx: Trx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .deleteFrom('deliveries')
    .where('id', 'in', [...ids])
    .where('status', '=', 'planned')
    .execute();
}

/** The planned delivery lines of an order, with the warehouse each leaves from. */
export function listPlannedLinesOfOrder(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('deliveryLines')
    .innerJoin('deliveries', 'deliveries.id', 'deliveryLines.deliveryId')
    .select(['deliveryLines.orderLineId', 'deliveryLines.productId', 'deliveryLines.quantity', 'deliveries.warehouseId'])
    .where('deliveries.orderId', '=', orderId)
    .where('deliveries.status', '=', 'planned')
    .execute();
}

/** The deliveries of an order that left, oldest first. */
export function listShippedDeliveries(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('deliveries')
    .select(['id', 'number', 'deliveryNoteNumber', 'plannedDate'])
    .where('orderId', '=', orderId)
    .where('status', 'in', ['shipped', 'delivered'])
    .orderBy('id')
    .execute();
}

export async function listLinesOfDeliveries(db: DbOrTrx, deliveryIds: readonly number[]) {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom('deliveryLines')
    .selectAll()
    .where('deliveryId', 'in', [...deliveryIds])
    .execute();
}

/** An order's planned deliveries on one date move to another (same numbers, same reservations). */
export async function movePlannedDeliveries(trx: Trx, orderId: number, dates: { from: string; to: string }): Promise<void> {
  await trx
    .updateTable('deliveries')
    .set({ plannedDate: dates.to })
    .where('orderId', '=', orderId)
    .where('status', '=', 'planned')
    .where('plannedDate', '=', dates.from)
    .execute();
}

export async function insertDeliveryLineLots(trx: Trx, deliveryLineId: number, picked: readonly PickedLot[]): Promise<void> {
  await trx
    .insertInto('deliveryLineLots')
    .values(
      picked.map((p) => ({
        deliveryLineId,
        lot: p.lot,
        productionDate: p.productionDate,
        bestBefore: p.bestBefore,
        quantity: p.quantity,
        belowMinShelfLife: p.belowMinShelfLife ? 1 : 0,
      })),
    )
    .execute();
}

/** The lots that left on these delivery lines, in the order they were picked. */
export function listShippedLots(db: DbOrTrx, deliveryLineIds: readonly number[]) {
  return db
    .selectFrom('deliveryLineLots')
    .select(['deliveryLineId', 'lot', 'productionDate', 'bestBefore', 'quantity', 'belowMinShelfLife'])
    .where('deliveryLineId', 'in', deliveryLineIds.length ? [...deliveryLineIds] : [-1])
    .orderBy('id')
    .execute();
}
