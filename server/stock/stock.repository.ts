import type { Insertable } from 'kysely';
import { hasEveryWord } from '../db/search-pattern.ts';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { WarehousesTable } from './stock.table.ts';

export type WarehouseValues = Omit<Insertable<WarehousesTable>, 'id'>;

export function listWarehouses(db: DbOrTrx) {
  return db.selectFrom('warehouses').selectAll().orderBy('code').execute();
}

export function findWarehouse(db: DbOrTrx, id: number) {
  return db.selectFrom('warehouses').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findWarehouseByCode(db: DbOrTrx, code: string) {
  return db.selectFrom('warehouses').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertWarehouse(db: DbOrTrx, values: WarehouseValues): Promise<number> {
  const row = await db.insertInto('warehouses').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateWarehouse(db: DbOrTrx, id: number, values: WarehouseValues): Promise<void> {
  await db.updateTable('warehouses').set(values).where('id', '=', id).execute();
}

export async function warehouseIdsByCode(db: DbOrTrx): Promise<Map<string, number>> {
  const rows = await db.selectFrom('warehouses').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

function stockQuery(db: DbOrTrx) {
  return db
    .selectFrom('stockLevels')
    .innerJoin('warehouses', 'warehouses.id', 'stockLevels.warehouseId')
    .innerJoin('products', 'products.id', 'stockLevels.productId')
    .select([
      'stockLevels.warehouseId',
      'warehouses.code as warehouseCode',
      'warehouses.name as warehouseName',
      'stockLevels.productId',
      'products.code as productCode',
      'products.name as productName',
      'products.saleUnit',
      'stockLevels.onHand',
      'stockLevels.reserved',
    ]);
}

export function listStock(db: DbOrTrx, filter: { warehouseId?: number; productId?: number; q?: string; limit: number }) {
  let q = stockQuery(db);
  if (filter.warehouseId !== undefined) q = q.where('stockLevels.warehouseId', '=', filter.warehouseId);
  if (filter.productId !== undefined) q = q.where('stockLevels.productId', '=', filter.productId);
  const text = filter.q?.trim();
  if (text) q = q.where((eb) => hasEveryWord(eb.ref('products.searchText'), text));
  return q.orderBy('products.code').orderBy('warehouses.code').limit(filter.limit).execute();
}

export function findStockLevel(db: DbOrTrx, warehouseId: number, productId: number) {
  return stockQuery(db)
    .where('stockLevels.warehouseId', '=', warehouseId)
    .where('stockLevels.productId', '=', productId)
    .executeTakeFirst();
}

/** Sets what is on the shelf; what is reserved belongs to released orders and is left as it is. */
export async function upsertOnHand(
  db: DbOrTrx,
  level: { warehouseId: number; productId: number; onHand: number; updatedAt: string },
): Promise<void> {
  await db
    .insertInto('stockLevels')
    .values({ ...level, reserved: 0 })
    .onConflict((oc) => oc.columns(['warehouseId', 'productId']).doUpdateSet({ onHand: level.onHand, updatedAt: level.updatedAt }))
    .execute();
}

/**
 * Adds to a stock level in one statement, creating the row when the warehouse never held the product: a
 * reservation is recorded even where nothing is on hand, so the shortage shows instead of vanishing.
 */
export async function adjustStock(
  trx: Trx,
  at: { warehouseId: number; productId: number },
  delta: { onHand?: number; reserved?: number },
  updatedAt: string,
): Promise<void> {
  const onHand = delta.onHand ?? 0;
  const reserved = delta.reserved ?? 0;
  await trx
    .insertInto('stockLevels')
    .values({ ...at, onHand, reserved, updatedAt })
    .onConflict((oc) =>
      oc.columns(['warehouseId', 'productId']).doUpdateSet((eb) => ({
        onHand: eb(eb.ref('stockLevels.onHand'), '+', onHand),
        reserved: eb(eb.ref('stockLevels.reserved'), '+', reserved),
        updatedAt,
      })),
    )
    .execute();
}

/**
 * The stock level of a product in a warehouse, locked for the rest of the transaction: the UPDATE takes the row lock
 * on PostgreSQL (SQLite serialises writers anyway), so what is read here is still true when it is written back.
 */
export async function lockStockLevel(trx: Trx, at: { warehouseId: number; productId: number }, updatedAt: string) {
  return trx
    .updateTable('stockLevels')
    .set({ updatedAt })
    .where('warehouseId', '=', at.warehouseId)
    .where('productId', '=', at.productId)
    .returning(['onHand', 'reserved'])
    .executeTakeFirst();
}

export async function setStockLevel(
  trx: Trx,
  at: { warehouseId: number; productId: number },
  level: { onHand: number; reserved: number },
  updatedAt: string,
): Promise<void> {
  await trx
    .insertInto('stockLevels')
    .values({ ...at, ...level, updatedAt })
    .onConflict((oc) => oc.columns(['warehouseId', 'productId']).doUpdateSet({ ...level, updatedAt }))
    .execute();
}

export function listWarehousesById(db: DbOrTrx) {
  return db.selectFrom('warehouses').select(['id', 'code', 'name', 'city']).orderBy('id').execute();
}
