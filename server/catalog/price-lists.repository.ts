import type { DbOrTrx } from '../db/database.ts';

export function listPriceLists(db: DbOrTrx) {
  return db.selectFrom('priceLists').selectAll().orderBy('code').execute();
}

export function findPriceList(db: DbOrTrx, id: number) {
  return db.selectFrom('priceLists').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The list's tiers by product code, then threshold; productId: that product's only. */
export function listPriceListItems(db: DbOrTrx, priceListId: number, productId?: number) {
  let q = db
    .selectFrom('priceListItems')
    .innerJoin('products', 'products.id', 'priceListItems.productId')
    .select([
      'priceListItems.productId',
      'products.code as productCode',
      'products.name as productName',
      'priceListItems.minQuantity',
      'priceListItems.unitPriceCents',
    ])
    .where('priceListItems.priceListId', '=', priceListId);
  if (productId !== undefined) q = q.where('priceListItems.productId', '=', productId);
  return q.orderBy('products.code').orderBy('priceListItems.minQuantity').execute();
}

export async function priceListIdsByCode(db: DbOrTrx): Promise<Map<string, number>> {
  const rows = await db.selectFrom('priceLists').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function insertPriceList(db: DbOrTrx, values: { code: string; name: string }): Promise<number> {
  const row = await db
    .insertInto('priceLists')
    .values({ ...values, validFrom: null, validTo: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findPriceTier(db: DbOrTrx, tier: { priceListId: number; productId: number; minQuantity: number }) {
  return db
    .selectFrom('priceListItems')
    .select('unitPriceCents')
    .where('priceListId', '=', tier.priceListId)
    .where('productId', '=', tier.productId)
    .where('minQuantity', '=', tier.minQuantity)
    .executeTakeFirst();
}

/** One tier of a list; the same list, product and threshold is the same tier, so its price is replaced. */
export async function upsertPriceTier(
  db: DbOrTrx,
  tier: { priceListId: number; productId: number; minQuantity: number; unitPriceCents: number },
): Promise<void> {
  await db
    .insertInto('priceListItems')
    .values(tier)
    .onConflict((oc) => oc.columns(['priceListId', 'productId', 'minQuantity']).doUpdateSet({ unitPriceCents: tier.unitPriceCents }))
    .execute();
}

/** Ends a product's line on a list: every tier of it. */
export async function deleteLine(db: DbOrTrx, priceListId: number, productId: number): Promise<void> {
  await db.deleteFrom('priceListItems').where('priceListId', '=', priceListId).where('productId', '=', productId).execute();
}

/** Replaces a product's line on a list by these tiers (one statement per side, in the caller's transaction). */
export async function replaceLine(
  db: DbOrTrx,
  priceListId: number,
  productId: number,
  tiers: readonly { minQuantity: number; unitPriceCents: number }[],
): Promise<void> {
  await deleteLine(db, priceListId, productId);
  await db
    .insertInto('priceListItems')
    .values(tiers.map((t) => ({ priceListId, productId, ...t })))
    .execute();
}
