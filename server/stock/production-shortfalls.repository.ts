import type { Insertable } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { ProductionShortfallsTable } from './production-shortfalls.table.ts';

// The SQL of production shortfalls: a product's output for a warehouse cut over a period.

function shortfallQuery(db: DbOrTrx) {
  return db
    .selectFrom('productionShortfalls')
    .innerJoin('products', 'products.id', 'productionShortfalls.productId')
    .innerJoin('warehouses', 'warehouses.id', 'productionShortfalls.warehouseId')
    .leftJoin('users as creator', 'creator.id', 'productionShortfalls.createdBy')
    .leftJoin('users as ender', 'ender.id', 'productionShortfalls.endedBy')
    .select([
      'productionShortfalls.id',
      'productionShortfalls.productId',
      'products.code as productCode',
      'products.name as productName',
      'productionShortfalls.warehouseId',
      'warehouses.code as warehouseCode',
      'warehouses.name as warehouseName',
      'productionShortfalls.fromDate',
      'productionShortfalls.toDate',
      'productionShortfalls.reducedPct',
      'productionShortfalls.cause',
      'creator.name as createdByName',
      'productionShortfalls.createdAt',
      'productionShortfalls.endedOn',
      'ender.name as endedByName',
    ]);
}
export type ShortfallRow = NonNullable<Awaited<ReturnType<typeof findShortfall>>>;

/** Latest first: the desk looks at what is going on now. */
export function listShortfalls(db: DbOrTrx) {
  return shortfallQuery(db)
    .orderBy('productionShortfalls.fromDate', 'desc')
    .orderBy('productionShortfalls.id', 'desc')
    .limit(500)
    .execute();
}

export function findShortfall(db: DbOrTrx, id: number) {
  return shortfallQuery(db).where('productionShortfalls.id', '=', id).executeTakeFirst();
}

export async function insertShortfall(trx: Trx, values: Insertable<ProductionShortfallsTable>): Promise<number> {
  return (await trx.insertInto('productionShortfalls').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function endShortfall(trx: Trx, id: number, end: { endedOn: string; endedBy: number; endedAt: string }): Promise<void> {
  await trx.updateTable('productionShortfalls').set(end).where('id', '=', id).execute();
}

/**
 * The shortfalls that may still cut a receipt dated `from` or later (all of them without `from`), of these products
 * (all without `productIds`): what the risk scan and availability apply to the planned production.
 */
export function listShortfallsCutting(db: DbOrTrx, filter: { productIds?: readonly number[]; from?: string }) {
  let q = db
    .selectFrom('productionShortfalls')
    .select(['productId', 'warehouseId', 'fromDate', 'toDate', 'reducedPct', 'endedOn'])
    .where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>', eb.ref('fromDate'))]));
  if (filter.productIds) q = q.where('productId', 'in', filter.productIds.length ? filter.productIds : [-1]);
  if (filter.from) q = q.where('toDate', '>=', filter.from);
  return q.execute();
}

/** As the rules take them (core/risks/production-shortfall.ts). */
export async function loadShortfallsCutting(db: DbOrTrx, filter: { productIds?: readonly number[]; from?: string }) {
  return (await listShortfallsCutting(db, filter)).map((c) => ({
    productId: c.productId,
    warehouseId: c.warehouseId,
    from: c.fromDate,
    to: c.toDate,
    reducedPct: c.reducedPct,
    endedOn: c.endedOn,
  }));
}
