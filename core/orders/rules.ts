import type { Finding } from './findings.types.ts';
import type { OrderDraft } from './order-draft.types.ts';
import type { RulesContext } from './rules-context.types.ts';
import { price } from '../pricing/price.ts';
import type { PricedOrder } from '../pricing/pricing.types.ts';
import { check } from '../terms/check.ts';
import { suggest } from '../suggestions/suggest.ts';
import type { Suggestion } from '../suggestions/suggestion.types.ts';

export type RulesResult = { priced: PricedOrder; findings: Finding[]; suggestions: Suggestion[] };

/**
 * Price, check and suggest in one call: what the order screen shows as the assistant types, and what a save stores.
 * Without `suggest` (an EDI order nobody is typing), the suggestions are left out: they are never stored.
 */
export function rules(order: OrderDraft, ctx: RulesContext, options: { suggest?: boolean } = {}): RulesResult {
  const priced = price(order, ctx);
  return { priced, findings: check(order, priced, ctx), suggestions: options.suggest === false ? [] : suggest(order, priced, ctx) };
}
