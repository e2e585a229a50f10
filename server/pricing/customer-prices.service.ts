import { isIsoDate } from '../../core/calendar/dates.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { existingProductIds } from '../catalog/products.repository.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { type FieldError, notFound } from '../errors.ts';
import { conflict, rejectInvalid } from '../http/field-errors.ts';
import type { CustomerPriceInput } from '../../core/pricing/pricing.schemas.ts';
import * as repo from './pricing.repository.ts';

// Net prices negotiated with one customer: they win over the list and the promotions while valid.

const END_OF_TIME = '9999-12-31';

async function requireCustomer(db: DbOrTrx, customerId: number) {
  if (!(await findCustomer(db, customerId))) throw notFound('Customer', customerId);
}

export async function listCustomerPrices(db: DbOrTrx, customerId: number) {
  await requireCustomer(db, customerId);
  return repo.listCustomerPrices(db, customerId);
}

/** One price per product and day: two periods of the same product may not overlap. */
async function checkPrice(db: DbOrTrx, customerId: number, input: CustomerPriceInput, exceptId: number | null): Promise<void> {
  const errors: FieldError[] = [];
  if (!isIsoDate(input.validFrom))
    errors.push({ path: 'validFrom', code: 'not-a-date', params: { value: input.validFrom }, message: `${input.validFrom} is not a date` });
  if (input.validTo !== null && !isIsoDate(input.validTo))
    errors.push({ path: 'validTo', code: 'not-a-date', params: { value: input.validTo }, message: `${input.validTo} is not a date` });
  else if (input.validTo !== null && input.validTo < input.validFrom)
    errors.push({ path: 'validTo', code: 'before-start', params: { after: 'validFrom' }, message: 'must not be before validFrom' });
  if (!(await existingProductIds(db, [input.productId])).has(input.productId))
    errors.push({
      path: 'productId',
      code: 'not-found',
      params: { entity: 'product', id: input.productId },
      message: `no product ${input.productId}`,
    });
  rejectInvalid(errors);
  const others = (await repo.listCustomerPrices(db, customerId, [input.productId])).filter((p) => p.id !== exceptId);
  const to = input.validTo ?? END_OF_TIME;
  const clash = others.find((p) => p.validFrom <= to && (p.validTo ?? END_OF_TIME) >= input.validFrom);
  if (clash)
    throw conflict(
      'body.validFrom',
      clash.validFrom,
      `${clash.productCode} already has a price for this customer from ${clash.validFrom}${clash.validTo ? ` to ${clash.validTo}` : ''}`,
    );
}

const values = (customerId: number, input: CustomerPriceInput, now: Date): repo.CustomerPriceValues => ({
  customerId,
  productId: input.productId,
  unitPriceCents: input.unitPriceCents,
  validFrom: input.validFrom,
  validTo: input.validTo,
  note: input.note?.trim() || null,
  updatedAt: now.toISOString(),
});

async function view(db: DbOrTrx, customerId: number, id: number) {
  const row = await repo.findCustomerPrice(db, customerId, id);
  if (!row) throw notFound('Customer price', id);
  return (await repo.listCustomerPrices(db, customerId, [row.productId])).find((p) => p.id === id)!;
}

export async function createCustomerPrice(db: Db, customerId: number, input: CustomerPriceInput, userId: number, now: Date) {
  await requireCustomer(db, customerId);
  await checkPrice(db, customerId, input, null);
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertCustomerPrice(trx, values(customerId, input, now));
    const after = await view(trx, customerId, id);
    await recordAudit(trx, { entityType: 'customer_price', entityId: id, action: 'create', userId, after, at: now.toISOString() });
    return after;
  });
}

export async function updateCustomerPrice(db: Db, customerId: number, id: number, input: CustomerPriceInput, userId: number, now: Date) {
  const before = await view(db, customerId, id);
  await checkPrice(db, customerId, input, id);
  return db.transaction().execute(async (trx) => {
    await repo.updateCustomerPrice(trx, id, values(customerId, input, now));
    const after = await view(trx, customerId, id);
    await recordAudit(trx, { entityType: 'customer_price', entityId: id, action: 'update', userId, before, after, at: now.toISOString() });
    return after;
  });
}

export async function deleteCustomerPrice(db: Db, customerId: number, id: number, userId: number, now: Date): Promise<void> {
  const before = await view(db, customerId, id);
  await db.transaction().execute(async (trx) => {
    await repo.deleteCustomerPrice(trx, id);
    await recordAudit(trx, { entityType: 'customer_price', entityId: id, action: 'delete', userId, before, at: now.toISOString() });
  });
}
