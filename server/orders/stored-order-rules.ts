import type { Finding } from '../../core/orders/findings.types.ts';
import type { RulesContext } from '../../core/orders/rules-context.types.ts';
import { price } from '../../core/pricing/price.ts';
import type { PricedOrder } from '../../core/pricing/pricing.types.ts';
import { suggest } from '../../core/suggestions/suggest.ts';
import type { Suggestion } from '../../core/suggestions/suggestion.types.ts';
import { check } from '../../core/terms/check.ts';
import { findProductsByIds } from '../catalog/products.repository.ts';
import { toProduct } from '../catalog/products.service.ts';
import { toDeliveryPoint } from '../customers/customer.mapping.ts';
import { findCustomer, findDeliveryPoint } from '../customers/customers.repository.ts';
import type { DbOrTrx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { orderRulesContext, storedDraft } from './order-rules.ts';

type StoredOrder = {
  id: number;
  number: string;
  customerId: number;
  deliveryPointId: number;
  requestedDate: string | null;
  createdAt: string;
};
type StoredLine = {
  id: number;
  productId: number;
  quantity: number;
  expectedUnitPriceCents?: number | null;
  agreedUnitPriceCents?: number | null;
};

export type StoredRun = { context: RulesContext; priced: PricedOrder; findings: Finding[]; suggestions: Suggestion[] };

/**
 * The rules over an order as stored: priced on the day it was taken, checked now (lead time, cut-off and credit
 * are today's), with its suggestions only when asked (a confirmation does not need them).
 */
export async function runStoredOrderRules(
  db: DbOrTrx,
  order: StoredOrder,
  lines: readonly StoredLine[],
  options: { suggest: boolean; now: Date; availability?: boolean },
): Promise<StoredRun> {
  const [customer, point, productRows] = await Promise.all([
    findCustomer(db, order.customerId),
    findDeliveryPoint(db, order.deliveryPointId),
    findProductsByIds(db, [...new Set(lines.map((l) => l.productId))]),
  ]);
  if (!customer || !point) throw new AppError('CONFLICT', `Order ${order.number}: its customer or delivery point is gone`);
  const draft = storedDraft(order, lines);
  const context = await orderRulesContext(db, {
    customer,
    deliveryPoint: toDeliveryPoint(point),
    products: new Map(productRows.map((r) => [r.id, toProduct(r)])),
    now: options.now,
    excludeOrderId: order.id,
    orderDate: draft.orderDate,
    withUsualProducts: options.suggest,
    withAvailability: options.availability ?? true,
  });
  const priced = price(draft, context);
  return { context, priced, findings: check(draft, priced, context), suggestions: options.suggest ? suggest(draft, priced, context) : [] };
}
