import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import type { PromotionsTable } from '../terms/terms.table.ts';

export type PromotionRow = Selectable<PromotionsTable> & { productIds: number[]; customerIds: number[] };
export type PromotionValues = Omit<Insertable<PromotionsTable>, 'id'>;

/** Promotions with their products and named customers; `overlapping` keeps those whose period meets [from, to]. */
export async function listPromotions(
  db: DbOrTrx,
  filter: { ids?: readonly number[]; overlapping?: { from: string; to: string } } = {},
): Promise<PromotionRow[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let q = db.selectFrom('promotions').selectAll();
  if (filter.ids) q = q.where('id', 'in', [...filter.ids]);
  if (filter.overlapping) q = q.where('dateFrom', '<=', filter.overlapping.to).where('dateTo', '>=', filter.overlapping.from);
  const rows = await q.orderBy('dateFrom', 'desc').orderBy('code').execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [products, customers] = await Promise.all([
    db.selectFrom('promotionProducts').select(['promotionId', 'productId']).where('promotionId', 'in', ids).orderBy('productId').execute(),
    db
      .selectFrom('promotionCustomers')
      .select(['promotionId', 'customerId'])
      .where('promotionId', 'in', ids)
      .orderBy('customerId')
      .execute(),
  ]);
  return rows.map((r) => ({
    ...r,
    productIds: products.filter((p) => p.promotionId === r.id).map((p) => p.productId),
    customerIds: customers.filter((c) => c.promotionId === r.id).map((c) => c.customerId),
  }));
}

export async function findPromotion(db: DbOrTrx, id: number): Promise<PromotionRow | undefined> {
  return (await listPromotions(db, { ids: [id] }))[0];
}

export function findPromotionByCode(db: DbOrTrx, code: string) {
  return db.selectFrom('promotions').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
}

export async function insertPromotion(db: DbOrTrx, values: PromotionValues): Promise<number> {
  return (await db.insertInto('promotions').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updatePromotion(db: DbOrTrx, id: number, values: PromotionValues): Promise<void> {
  await db.updateTable('promotions').set(values).where('id', '=', id).execute();
}

export async function replacePromotionLinks(
  db: DbOrTrx,
  promotionId: number,
  productIds: readonly number[],
  customerIds: readonly number[],
): Promise<void> {
  await db.deleteFrom('promotionProducts').where('promotionId', '=', promotionId).execute();
  await db.deleteFrom('promotionCustomers').where('promotionId', '=', promotionId).execute();
  if (productIds.length)
    await db
      .insertInto('promotionProducts')
      .values(productIds.map((productId) => ({ promotionId, productId })))
      .execute();
  if (customerIds.length)
    await db
      .insertInto('promotionCustomers')
      .values(customerIds.map((customerId) => ({ promotionId, customerId })))
      .execute();
}

export async function existingCustomerIds(db: DbOrTrx, ids: readonly number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('customers')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}
