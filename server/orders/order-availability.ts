import type { Product } from '../../core/catalog/product.ts';
import { type AvailabilityContext, type AvailabilityPayload, availabilityContext } from '../../core/stock/availability-context.ts';
import { findProductsByIds } from '../catalog/products.repository.ts';
import { toProduct } from '../catalog/products.service.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import type { DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { listPlannedLinesOfOrder } from '../deliveries/deliveries.repository.ts';
import { withoutOwnReservations } from '../risks/risk-call.ts';
import { loadAvailabilityInput } from '../stock/availability-input.ts';

/**
 * What the availability rule reads for an order's products, from the same pool the risk scan and shipping use
 * (stock, lots, planned receipts, the other confirmed orders' open lines) with the customer's minimum remaining shelf
 * life. A stored order is not its own competitor: its open lines are left out, and what its planned deliveries
 * already hold counts as its own, not as reserved.
 */
export async function loadOrderAvailability(
  db: DbOrTrx,
  productIds: readonly number[],
  customerId: number,
  excludeOrderId?: number,
): Promise<AvailabilityPayload> {
  const [payload, held] = await Promise.all([
    loadAvailabilityInput(db, productIds, customerId, { excludeOrderId }),
    excludeOrderId === undefined ? [] : listPlannedLinesOfOrder(db, excludeOrderId),
  ]);
  return withoutOwnReservations(payload, held);
}

/** `GET /api/customers/{id}/order-availability`: the same, for the entry screen's own run of the rules (404: no such customer). */
export async function customerOrderAvailability(
  db: DbOrTrx,
  customerId: number,
  productIds: readonly number[],
  orderId?: number,
): Promise<AvailabilityPayload> {
  if (!(await findCustomer(db, customerId))) throw notFound('Customer', customerId);
  return loadOrderAvailability(db, productIds, customerId, orderId);
}

/**
 * The rules' availability context and the substitutes' products (the rule names them by code), added to the
 * products the caller already read.
 */
export async function orderAvailabilityContext(
  db: DbOrTrx,
  products: ReadonlyMap<number, Product>,
  customerId: number,
  excludeOrderId?: number,
): Promise<{ availability: AvailabilityContext; products: Map<number, Product> }> {
  const payload = await loadOrderAvailability(db, [...products.keys()], customerId, excludeOrderId);
  const all = new Map(products);
  const missing = [...new Set(payload.products.flatMap((p) => p.substituteIds))].filter((id) => !all.has(id));
  for (const row of await findProductsByIds(db, missing)) all.set(row.id, toProduct(row));
  return { availability: availabilityContext(payload), products: all };
}
