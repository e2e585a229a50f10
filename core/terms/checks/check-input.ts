import type { Product } from '../../catalog/product.ts';
import type { OrderDraft } from '../../orders/order-draft.types.ts';
import type { Finding } from '../../orders/findings.types.ts';
import type { RulesContext } from '../../orders/rules-context.types.ts';
import type { PricedOrder } from '../../pricing/pricing.types.ts';

/** What every rule reads; products are looked up once for all rules (null productId or unknown id → undefined). */
export type CheckInput = { order: OrderDraft; priced: PricedOrder; ctx: RulesContext; products: readonly (Product | undefined)[] };

/** One rule id, one file: plain data in, findings out (none when the order complies). */
export type Rule = (input: CheckInput) => Finding[];
