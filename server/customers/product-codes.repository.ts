import type { DbOrTrx } from '../db/database.ts';

function productCodes(db: DbOrTrx) {
  return db
    .selectFrom('customerProductCodes as cpc')
    .innerJoin('products', 'products.id', 'cpc.productId')
    .select([
      'cpc.id',
      'cpc.customerId',
      'cpc.code',
      'cpc.productId',
      'products.code as productCode',
      'products.name as productName',
      'cpc.unitFactor',
    ]);
}

export function listProductCodes(db: DbOrTrx, customerId: number) {
  return productCodes(db).where('cpc.customerId', '=', customerId).orderBy('cpc.code').execute();
}

export function findProductCode(db: DbOrTrx, id: number) {
  return productCodes(db).where('cpc.id', '=', id).executeTakeFirst();
}

export function findProductCodeByCode(db: DbOrTrx, customerId: number, code: string) {
  return productCodes(db).where('cpc.customerId', '=', customerId).where('cpc.code', '=', code).executeTakeFirst();
}

export async function insertProductCode(
  db: DbOrTrx,
  values: { customerId: number; code: string; productId: number; unitFactor: number },
): Promise<number> {
  const row = await db.insertInto('customerProductCodes').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteProductCode(db: DbOrTrx, id: number): Promise<void> {
  await db.deleteFrom('customerProductCodes').where('id', '=', id).execute();
}

/** Maps the customer's code to the product, replacing what it meant before; the row's id. */
export async function upsertProductCode(
  db: DbOrTrx,
  values: { customerId: number; code: string; productId: number; unitFactor: number },
): Promise<number> {
  const { customerId, code, ...mapping } = values;
  const saved = await db
    .insertInto('customerProductCodes')
    .values({ customerId, code, ...mapping })
    .onConflict((oc) => oc.columns(['customerId', 'code']).doUpdateSet(mapping))
    .returning('id')
    .executeTakeFirstOrThrow();
  return saved.id;
}
