import type { DbOrTrx } from '../db/database.ts';

// The orders capability reads the master data it prices and checks against with its own small queries, so that it
// does not wait on (or break with) the customers and catalog slices' internals.

const PRODUCT_COLUMNS = [
  'products.id',
  'products.code',
  'products.gtin',
  'products.caseGtin',
  'products.name',
  'products.family',
  'products.saleUnit',
  'products.netWeightG',
  'products.grossWeightG',
  'products.unitsPerCarton',
  'products.cartonsPerLayer',
  'products.layersPerPallet',
  'products.vatRateBp',
  'products.temperatureClass',
  'products.shelfLifeDays',
  'products.status',
] as const;

export async function findCustomerRow(db: DbOrTrx, id: number) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listDeliveryPointRows(db: DbOrTrx, customerId: number) {
  return db.selectFrom('deliveryPoints').selectAll().where('customerId', '=', customerId).orderBy('isDefault', 'desc').orderBy('id').execute();
}

export async function listContactRows(db: DbOrTrx, customerId: number) {
  return db.selectFrom('contacts').selectAll().where('customerId', '=', customerId).orderBy('id').execute();
}

/** The customer's own codes; with `codes`, only those (what an order names), else all of them (the entry screen). */
export async function listCustomerCodes(db: DbOrTrx, customerId: number, codes?: readonly string[]) {
  if (codes && codes.length === 0) return [];
  let q = db.selectFrom('customerProductCodes').select(['code', 'productId', 'unitFactor']).where('customerId', '=', customerId);
  if (codes) q = q.where('code', 'in', [...codes]);
  return q.orderBy('code').execute();
}

/** Price tiers of a list; with `productIds`, only for those products. */
export async function listPriceTiers(db: DbOrTrx, priceListId: number, productIds?: readonly number[]) {
  if (productIds && productIds.length === 0) return [];
  let q = db.selectFrom('priceListItems').select(['productId', 'minQuantity', 'unitPriceCents']).where('priceListId', '=', priceListId);
  if (productIds) q = q.where('productId', 'in', [...productIds]);
  return q.orderBy('productId').orderBy('minQuantity').execute();
}

export async function findProductRowsByIds(db: DbOrTrx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('products').select(PRODUCT_COLUMNS).where('products.id', 'in', [...ids]).execute();
}

/** A GTIN names either the sale unit (GTIN-13) or its case (GTIN-14): both lead to the same product. */
export async function findProductRowsByGtins(db: DbOrTrx, gtins: readonly string[]) {
  if (gtins.length === 0) return [];
  return db
    .selectFrom('products')
    .select(PRODUCT_COLUMNS)
    .where((eb) => eb.or([eb('products.gtin', 'in', [...gtins]), eb('products.caseGtin', 'in', [...gtins])]))
    .execute();
}

export type ProductRow = Awaited<ReturnType<typeof findProductRowsByIds>>[number];
export type CustomerRow = NonNullable<Awaited<ReturnType<typeof findCustomerRow>>>;
export type DeliveryPointRow = Awaited<ReturnType<typeof listDeliveryPointRows>>[number];
export type ContactRow = Awaited<ReturnType<typeof listContactRows>>[number];
