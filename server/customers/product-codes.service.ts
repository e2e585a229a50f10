import { recordAudit } from '../audit/audit.repository.ts';
import { conflict } from '../http/field-errors.ts';
import { findProduct } from '../catalog/products.repository.ts';
import type { Db } from '../db/database.ts';
import { invalid, notFound } from '../errors.ts';
import { findCustomer } from './customers.repository.ts';
import * as repo from './product-codes.repository.ts';
import type { CustomerProductCode, ProductCodeInput } from '../../core/customers/customers.schemas.ts';

export async function listProductCodes(db: Db, customerId: number): Promise<CustomerProductCode[]> {
  if (!(await findCustomer(db, customerId))) throw notFound('Customer', customerId);
  return repo.listProductCodes(db, customerId);
}

/** How a retailer's EDI names our product: one of its codes means one product of ours, hence 409 on a repeat. */
export async function createProductCode(
  db: Db,
  customerId: number,
  input: ProductCodeInput,
  userId: number,
  now: Date,
): Promise<CustomerProductCode> {
  if (!(await findCustomer(db, customerId))) throw notFound('Customer', customerId);
  if (!(await findProduct(db, input.productId)))
    throw invalid('body.productId', 'not-found', { entity: 'product', id: input.productId }, `no product ${input.productId}`);
  const taken = await repo.findProductCodeByCode(db, customerId, input.code);
  if (taken) throw conflict('body.code', input.code, `The customer's code ${input.code} already means product ${taken.productCode}`);
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertProductCode(trx, {
      customerId,
      code: input.code,
      productId: input.productId,
      unitFactor: input.unitFactor ?? 1,
    });
    const created = (await repo.findProductCode(trx, id))!;
    await recordAudit(trx, {
      entityType: 'customer_product_code',
      entityId: id,
      action: 'create',
      userId,
      after: created,
      at: now.toISOString(),
    });
    return created;
  });
}

export async function deleteProductCode(db: Db, id: number, userId: number, now: Date): Promise<void> {
  const before = await repo.findProductCode(db, id);
  if (!before) throw notFound('Customer product code', id);
  await db.transaction().execute(async (trx) => {
    await repo.deleteProductCode(trx, id);
    await recordAudit(trx, { entityType: 'customer_product_code', entityId: id, action: 'delete', userId, before, at: now.toISOString() });
  });
}
