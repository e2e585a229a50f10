import type { Product } from '../catalog/product.ts';
import type { OrderDraft } from '../orders/order-draft.types.ts';
import type { Finding, Severity } from '../orders/findings.types.ts';
import type { RulesContext } from '../orders/rules-context.types.ts';
import type { PricedOrder } from '../pricing/pricing.types.ts';
import { availability } from './checks/availability.ts';
import type { Rule } from './checks/check-input.ts';
import { creditLimit } from './checks/credit-limit.ts';
import { cutOff } from './checks/cut-off.ts';
import { deliveryDay } from './checks/delivery-day.ts';
import { discontinued } from './checks/discontinued.ts';
import { franco } from './checks/franco.ts';
import { leadTime } from './checks/lead-time.ts';
import { minOrderValue } from './checks/min-order-value.ts';
import { noPrice } from './checks/no-price.ts';
import { notListed } from './checks/not-listed.ts';
import { orderMultiple } from './checks/order-multiple.ts';
import { priceMismatch } from './checks/price-mismatch.ts';
import { promotionEnded } from './checks/promotion-ended.ts';
import { truckCapacity } from './checks/truck-capacity.ts';
import { unknownProduct } from './checks/unknown-product.ts';

const RULES: readonly Rule[] = [
  unknownProduct,
  discontinued,
  noPrice,
  notListed,
  deliveryDay,
  leadTime,
  cutOff,
  minOrderValue,
  creditLimit,
  priceMismatch,
  orderMultiple,
  truckCapacity,
  availability,
  promotionEnded,
  franco,
];

const RANK: Record<Severity, number> = { block: 0, approval: 1, warning: 2, info: 3 };

/**
 * Every rule of the terms over a priced order: findings most severe first, then in line order, so the
 * assistant reads what stops the order before what merely informs.
 */
export function check(order: OrderDraft, priced: PricedOrder, ctx: RulesContext): Finding[] {
  const products: (Product | undefined)[] = order.lines.map((l) => (l.productId === null ? undefined : ctx.products.get(l.productId)));
  const input = { order, priced, ctx, products };
  const findings = RULES.flatMap((rule) => rule(input));
  return findings.sort((a, b) => RANK[a.severity] - RANK[b.severity] || (a.lineIndex ?? -1) - (b.lineIndex ?? -1));
}
