import type { DbOrTrx } from '../db/database.ts';

// What only order entry reads: the customer's codes and its price tiers in the shape the core pricing takes.
// The customer, its ship-tos and the products are read through their own slices' repositories.

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
