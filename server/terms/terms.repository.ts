import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import type { CustomerTermsTable, TermsOfSaleTable, TermsOfSaleTypologiesTable } from './terms.table.ts';

export type TermsOfSaleRow = Selectable<TermsOfSaleTable>;
export type TypologyTermsRow = Selectable<TermsOfSaleTypologiesTable>;
export type CustomerTermsRow = Selectable<CustomerTermsTable>;
export type CustomerTermsValues = Omit<Insertable<CustomerTermsTable>, 'customerId'>;

export function listTermsOfSale(db: DbOrTrx) {
  return db.selectFrom('termsOfSale').selectAll().orderBy('validFrom', 'desc').orderBy('id', 'desc').execute();
}

export function findTermsOfSaleByCode(db: DbOrTrx, code: string) {
  return db.selectFrom('termsOfSale').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The version in force on a date: the latest one started on or before it and not ended. */
export function findTermsOfSaleOn(db: DbOrTrx, date: string) {
  return db
    .selectFrom('termsOfSale')
    .selectAll()
    .where('validFrom', '<=', date)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', date)]))
    .orderBy('validFrom', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export function listTypologyTerms(db: DbOrTrx, termsIds: readonly number[]) {
  if (!termsIds.length) return Promise.resolve([] as TypologyTermsRow[]);
  return db
    .selectFrom('termsOfSaleTypologies')
    .selectAll()
    .where('termsId', 'in', [...termsIds])
    .orderBy('typology')
    .execute();
}

export function findTypologyTerms(db: DbOrTrx, termsId: number, typology: string) {
  return db
    .selectFrom('termsOfSaleTypologies')
    .selectAll()
    .where('termsId', '=', termsId)
    .where('typology', '=', typology)
    .executeTakeFirst();
}

export async function insertTermsOfSale(db: DbOrTrx, values: Insertable<TermsOfSaleTable>): Promise<number> {
  return (await db.insertInto('termsOfSale').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateTermsOfSale(db: DbOrTrx, id: number, values: Omit<Insertable<TermsOfSaleTable>, 'id'>): Promise<void> {
  await db.updateTable('termsOfSale').set(values).where('id', '=', id).execute();
}

/** A version's typologies are replaced whole: the editor always sends the table. */
export async function replaceTypologyTerms(
  db: DbOrTrx,
  termsId: number,
  rows: readonly Insertable<TermsOfSaleTypologiesTable>[],
): Promise<void> {
  await db.deleteFrom('termsOfSaleTypologies').where('termsId', '=', termsId).execute();
  if (rows.length)
    await db
      .insertInto('termsOfSaleTypologies')
      .values([...rows])
      .execute();
}

export function findCustomerTerms(db: DbOrTrx, customerId: number) {
  return db.selectFrom('customerTerms').selectAll().where('customerId', '=', customerId).executeTakeFirst();
}

export async function upsertCustomerTerms(db: DbOrTrx, customerId: number, values: CustomerTermsValues): Promise<void> {
  await db
    .insertInto('customerTerms')
    .values({ customerId, ...values })
    .onConflict((oc) => oc.column('customerId').doUpdateSet(values))
    .execute();
}

export function findCredit(db: DbOrTrx, customerId: number) {
  return db.selectFrom('customerCredit').selectAll().where('customerId', '=', customerId).executeTakeFirst();
}

/** The accounting's figures for one customer, replacing what was held. */
export async function upsertCredit(
  db: DbOrTrx,
  values: { customerId: number; unpaidBalanceCents: number; overdueCents: number; asOf: string },
): Promise<void> {
  const { customerId: _key, ...changes } = values;
  await db
    .insertInto('customerCredit')
    .values(values)
    .onConflict((oc) => oc.column('customerId').doUpdateSet(changes))
    .execute();
}

/** The date of each customer's credit figures: an older file must not overwrite newer ones. */
export async function creditDates(db: DbOrTrx): Promise<Map<number, string>> {
  const rows = await db.selectFrom('customerCredit').select(['customerId', 'asOf']).execute();
  return new Map(rows.map((r) => [r.customerId, r.asOf]));
}

/** Orders the customer has committed to and not yet received (TTC): what the credit insurer counts with the unpaid. */
export async function openOrdersGrossCents(db: DbOrTrx, customerId: number, exceptOrderId?: number): Promise<number> {
  let q = db
    .selectFrom('orders')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('grossCents'), eb.lit(0)).as('total'))
    .where('customerId', '=', customerId)
    .where('status', 'in', ['confirmed', 'released', 'shipped']);
  if (exceptOrderId !== undefined) q = q.where('id', '!=', exceptOrderId);
  return Number((await q.executeTakeFirstOrThrow()).total);
}

export async function findAssortment(db: DbOrTrx, customerId: number) {
  const [head, products] = await Promise.all([
    db.selectFrom('customerAssortments').selectAll().where('customerId', '=', customerId).executeTakeFirst(),
    db
      .selectFrom('customerAssortmentProducts')
      .innerJoin('products', 'products.id', 'customerAssortmentProducts.productId')
      .select(['customerAssortmentProducts.productId', 'products.code as productCode', 'products.name as productName'])
      .where('customerAssortmentProducts.customerId', '=', customerId)
      .orderBy('products.code')
      .execute(),
  ]);
  return { restricted: head?.restricted === 1, products };
}

export async function replaceAssortment(
  db: DbOrTrx,
  customerId: number,
  restricted: boolean,
  productIds: readonly number[],
  now: string,
): Promise<void> {
  await db
    .insertInto('customerAssortments')
    .values({ customerId, restricted: restricted ? 1 : 0, updatedAt: now })
    .onConflict((oc) => oc.column('customerId').doUpdateSet({ restricted: restricted ? 1 : 0, updatedAt: now }))
    .execute();
  await db.deleteFrom('customerAssortmentProducts').where('customerId', '=', customerId).execute();
  if (productIds.length)
    await db
      .insertInto('customerAssortmentProducts')
      .values(productIds.map((productId) => ({ customerId, productId })))
      .execute();
}

/** The customer's assortment head, created open when he had none (a product listed before any restriction). */
export async function ensureAssortment(db: DbOrTrx, customerId: number, now: string): Promise<void> {
  await db
    .insertInto('customerAssortments')
    .values({ customerId, restricted: 0, updatedAt: now })
    .onConflict((oc) => oc.column('customerId').doNothing())
    .execute();
}

/** A product out of the customer's agreed assortment. */
export async function removeAssortmentProduct(db: DbOrTrx, customerId: number, productId: number, now: string): Promise<void> {
  await db.deleteFrom('customerAssortmentProducts').where('customerId', '=', customerId).where('productId', '=', productId).execute();
  await db.updateTable('customerAssortments').set({ updatedAt: now }).where('customerId', '=', customerId).execute();
}

/** One more product in a customer's agreed assortment (already there: nothing changes). */
export async function addAssortmentProduct(db: DbOrTrx, customerId: number, productId: number, now: string): Promise<void> {
  await db
    .insertInto('customerAssortmentProducts')
    .values({ customerId, productId })
    .onConflict((oc) => oc.columns(['customerId', 'productId']).doNothing())
    .execute();
  await db.updateTable('customerAssortments').set({ updatedAt: now }).where('customerId', '=', customerId).execute();
}

/** The products this customer orders most (by number of orders) over the window: what fills a truck. */
export async function usualProductIds(db: DbOrTrx, customerId: number, sinceIso: string, limit = 20): Promise<number[]> {
  const rows = await db
    .selectFrom('orderLines')
    .innerJoin('orders', 'orders.id', 'orderLines.orderId')
    .select((eb) => [
      'orderLines.productId',
      eb.fn.count<number>('orders.id').distinct().as('orders'),
      eb.fn.max('orders.createdAt').as('last'),
    ])
    .where('orders.customerId', '=', customerId)
    .where('orders.status', '!=', 'cancelled')
    .where('orders.createdAt', '>=', sinceIso)
    .groupBy('orderLines.productId')
    .orderBy('orders', 'desc')
    .orderBy('last', 'desc')
    .orderBy('orderLines.productId')
    .limit(limit)
    .execute();
  return rows.map((r) => r.productId);
}
