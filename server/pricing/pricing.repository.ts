import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import type { CustomerPricesTable } from '../terms/terms.table.ts';

// Customer-specific net prices and the order-level tier discounts of price lists.

export type CustomerPriceValues = Omit<Insertable<CustomerPricesTable>, 'id'>;

/** A customer's net prices; with `productIds`, only for those products. */
export function listCustomerPrices(db: DbOrTrx, customerId: number, productIds?: readonly number[]) {
  let q = db
    .selectFrom('customerPrices')
    .innerJoin('products', 'products.id', 'customerPrices.productId')
    .select([
      'customerPrices.id',
      'customerPrices.customerId',
      'customerPrices.productId',
      'products.code as productCode',
      'products.name as productName',
      'customerPrices.unitPriceCents',
      'customerPrices.validFrom',
      'customerPrices.validTo',
      'customerPrices.note',
    ])
    .where('customerPrices.customerId', '=', customerId);
  if (productIds) {
    if (!productIds.length) return Promise.resolve([]);
    q = q.where('customerPrices.productId', 'in', [...productIds]);
  }
  return q.orderBy('products.code').orderBy('customerPrices.validFrom').execute();
}

export function findCustomerPrice(db: DbOrTrx, customerId: number, id: number) {
  return db.selectFrom('customerPrices').selectAll().where('id', '=', id).where('customerId', '=', customerId).executeTakeFirst();
}

export async function insertCustomerPrice(db: DbOrTrx, values: CustomerPriceValues): Promise<number> {
  return (await db.insertInto('customerPrices').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCustomerPrice(db: DbOrTrx, id: number, values: CustomerPriceValues): Promise<void> {
  await db.updateTable('customerPrices').set(values).where('id', '=', id).execute();
}

export async function deleteCustomerPrice(db: DbOrTrx, id: number): Promise<void> {
  await db.deleteFrom('customerPrices').where('id', '=', id).execute();
}

export async function findOrderTiers(db: DbOrTrx, priceListId: number) {
  const head = await db.selectFrom('priceListOrderTiers').selectAll().where('priceListId', '=', priceListId).executeTakeFirst();
  if (!head) return null;
  const steps = await db
    .selectFrom('priceListOrderTierSteps')
    .select(['minValue', 'discountBp'])
    .where('priceListId', '=', priceListId)
    .orderBy('minValue')
    .execute();
  return {
    measure: head.measure,
    families: head.families,
    steps: steps.map((s) => ({ min: Number(s.minValue), discountBp: s.discountBp })),
  };
}

export async function replaceOrderTiers(
  db: DbOrTrx,
  priceListId: number,
  tiers: { measure: string; families: string | null; steps: readonly { min: number; discountBp: number }[] } | null,
  now: string,
): Promise<void> {
  await db.deleteFrom('priceListOrderTierSteps').where('priceListId', '=', priceListId).execute();
  await db.deleteFrom('priceListOrderTiers').where('priceListId', '=', priceListId).execute();
  if (!tiers) return;
  await db
    .insertInto('priceListOrderTiers')
    .values({ priceListId, measure: tiers.measure, families: tiers.families, updatedAt: now })
    .execute();
  if (tiers.steps.length) {
    await db
      .insertInto('priceListOrderTierSteps')
      .values(tiers.steps.map((s) => ({ priceListId, minValue: s.min, discountBp: s.discountBp })))
      .execute();
  }
}
