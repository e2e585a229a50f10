import { type ExpressionBuilder, type Insertable, type Selectable, sql } from 'kysely';
import type { Database, DbOrTrx } from '../db/database.ts';
import type { ProductsTable } from './catalog.table.ts';
import { hasEveryWord, lowerLike, searchTextLike } from '../db/search-pattern.ts';

export type ProductRow = Selectable<ProductsTable>;
export type ProductValues = Omit<Insertable<ProductsTable>, 'id'>;
/** An update restates the searchable fields with their search text, so the text can never lag behind the name. */
export type ProductChanges = Partial<ProductValues> & Pick<ProductValues, 'name' | 'code' | 'searchText'>;

/** `customerId`: the products listed for that customer: active, and within its assortment when it has a restricted one. */
type ProductFilter = { q?: string; status?: string; customerId?: number };

/** A GTIN exactly, or every word of the query in the name or code, accents and case ignored, in any order. */
function matchesProduct(q: string) {
  return (eb: ExpressionBuilder<Database, 'products'>) =>
    eb.or([eb('products.gtin', '=', q), eb('products.caseGtin', '=', q), hasEveryWord(eb.ref('products.searchText'), q)]);
}

export async function searchProducts(db: DbOrTrx, filter: ProductFilter & { limit: number; offset: number }) {
  let base = db.selectFrom('products');
  if (filter.status) base = base.where('products.status', '=', filter.status);
  const customerId = filter.customerId;
  if (customerId !== undefined)
    base = base
      .where('products.status', '=', 'active')
      .where((eb) =>
        eb.or([
          eb.not(
            eb.exists(
              eb
                .selectFrom('customerAssortments')
                .select('customerAssortments.customerId')
                .where('customerAssortments.customerId', '=', customerId)
                .where('customerAssortments.restricted', '=', 1),
            ),
          ),
          eb(
            'products.id',
            'in',
            eb
              .selectFrom('customerAssortmentProducts')
              .select('customerAssortmentProducts.productId')
              .where('customerAssortmentProducts.customerId', '=', customerId),
          ),
        ]),
      );
  const q = filter.q?.trim();
  if (q) base = base.where(matchesProduct(q));
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rows = base.selectAll('products');
  if (q) {
    // The code or GTIN typed in full first, then codes starting with it, then the rest by code.
    const lowered = q.toLowerCase();
    rows = rows.orderBy(
      (
        eb,
      ) => sql`case when lower(${eb.ref('products.code')}) = ${lowered} or ${eb.ref('products.gtin')} = ${q} or ${eb.ref('products.caseGtin')} = ${q} then 0
        when ${lowerLike(eb.ref('products.code'), q, 'prefix')} then 1 else 2 end`,
    );
  }
  const items = await rows.orderBy('products.code').limit(filter.limit).offset(filter.offset).execute();
  return { rows: items, total: Number(n) };
}

/**
 * Active products whose search text holds any of `words`, or listed among `ids`: what a ranking of candidates for a
 * line's free text reads (at most `limit`, by code).
 */
export function listProductsWithAnyWord(db: DbOrTrx, words: readonly string[], ids: readonly number[], limit: number) {
  return db
    .selectFrom('products')
    .select(['id', 'code', 'name', 'family', 'unitsPerCarton'])
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        ...words.map((w) => searchTextLike(eb.ref('products.searchText'), w, 'contains')),
        ...(ids.length ? [eb('products.id', 'in', [...ids])] : []),
      ]),
    )
    .orderBy('code')
    .limit(limit)
    .execute();
}

export function findProduct(db: DbOrTrx, id: number) {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findProductsByIds(db: DbOrTrx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('products')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

/** A GTIN names either the sale unit (GTIN-13) or its case (GTIN-14): both lead to the same product. */
export async function findProductsByGtins(db: DbOrTrx, gtins: readonly string[]) {
  if (gtins.length === 0) return [];
  return db
    .selectFrom('products')
    .selectAll()
    .where((eb) => eb.or([eb('gtin', 'in', [...gtins]), eb('caseGtin', 'in', [...gtins])]))
    .execute();
}

export function findProductByCode(db: DbOrTrx, code: string) {
  return db.selectFrom('products').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Another product already holding this code or GTIN, for a clear 409 before the unique index says it crudely. */
export function findProductClash(db: DbOrTrx, by: { code: string; gtin: string | null }, exceptId: number | null) {
  let q = db
    .selectFrom('products')
    .select(['id', 'code', 'gtin'])
    .where((eb) => eb.or([eb('code', '=', by.code), ...(by.gtin ? [eb('gtin', '=', by.gtin)] : [])]));
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

export async function insertProduct(db: DbOrTrx, values: ProductValues): Promise<number> {
  const row = await db.insertInto('products').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProduct(db: DbOrTrx, id: number, values: ProductChanges): Promise<void> {
  await db.updateTable('products').set(values).where('id', '=', id).execute();
}

export function listSubstitutes(db: DbOrTrx, productId: number) {
  return db
    .selectFrom('productSubstitutes')
    .innerJoin('products', 'products.id', 'productSubstitutes.substituteId')
    .select(['products.id', 'products.code', 'products.name'])
    .where('productSubstitutes.productId', '=', productId)
    .orderBy('products.code')
    .execute();
}

export async function replaceSubstitutes(db: DbOrTrx, productId: number, substituteIds: readonly number[]): Promise<void> {
  await db.deleteFrom('productSubstitutes').where('productId', '=', productId).execute();
  if (substituteIds.length)
    await db
      .insertInto('productSubstitutes')
      .values(substituteIds.map((substituteId) => ({ productId, substituteId })))
      .execute();
}

export async function existingProductIds(db: DbOrTrx, ids: readonly number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('products').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** code → id and GTIN → code for every product: an import resolves its rows against them without one query per row. */
export async function productKeys(db: DbOrTrx) {
  const rows = await db.selectFrom('products').select(['id', 'code', 'gtin']).execute();
  return {
    idByCode: new Map(rows.map((r) => [r.code, r.id])),
    codeByGtin: new Map(rows.filter((r) => r.gtin).map((r) => [r.gtin!, r.code])),
  };
}

/** The penalty category of each product given (the clause's rate depends on it). */
export async function penaltyCategories(db: DbOrTrx, ids: readonly number[]): Promise<Map<number, string | null>> {
  const rows = await db
    .selectFrom('products')
    .select(['id', 'penaltyCategory'])
    .where('id', 'in', ids.length ? [...ids] : [-1])
    .execute();
  return new Map(rows.map((p) => [p.id, p.penaltyCategory]));
}

export async function productCodes(db: DbOrTrx, ids: readonly number[]): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('products')
    .select(['id', 'code'])
    .where('id', 'in', [-1, ...ids])
    .execute();
  return new Map(rows.map((p) => [p.id, p.code]));
}
