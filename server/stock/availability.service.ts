import { availability } from '../../core/stock/availability.ts';
import { availabilityContext } from '../../core/stock/availability-context.ts';
import { findProduct } from '../catalog/products.repository.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import type { Db } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { loadAvailabilityInput } from './availability-input.ts';

/**
 * What can be promised of a product on a date, to a customer when given (his minimum remaining shelf life), per
 * warehouse, and the earliest date `quantity` is complete (without a quantity: one more than can be promised, the
 * date the next unit comes).
 */
export async function getAvailability(db: Db, query: { productId: number; date: string; customerId?: number; quantity?: number }) {
  if (!(await findProduct(db, query.productId))) throw notFound('Product', query.productId);
  if (query.customerId !== undefined && !(await findCustomer(db, query.customerId))) throw notFound('Customer', query.customerId);
  const payload = await loadAvailabilityInput(db, [query.productId], query.customerId ?? null);
  const input = availabilityContext(payload).byProduct.get(query.productId)!;
  const a = availability(query.productId, query.date, input);
  return {
    productId: query.productId,
    date: query.date,
    customerId: query.customerId ?? null,
    minRemainingShelfLifePct: payload.minRemainingShelfLifePct,
    promisable: a.promisable,
    quantity: query.quantity ?? null,
    earliestCompleteDate: a.earliestCompleteDate(query.quantity ?? a.promisable + 1),
    byWarehouse: a.byWarehouse,
  };
}
