import type { OrderDraft } from '../orders/order-draft.types.ts';
import type { RulesContext } from '../orders/rules-context.types.ts';
import type { PricedOrder } from '../pricing/pricing.types.ts';
import { fillTruckSuggestions } from './fill-truck.ts';
import { moveDateSuggestions } from './move-date.ts';
import { nextTierSuggestions } from './next-tier.ts';
import { reachFrancoSuggestions } from './reach-franco.ts';
import { roundingSuggestions } from './round.ts';
import { suggestInput } from './suggest-input.ts';
import type { Suggestion, SuggestionKind } from './suggestion.types.ts';

const KIND_ORDER: Record<SuggestionKind, number> = {
  'reach-franco': 0,
  'next-tier': 1,
  'fill-truck': 2,
  'move-date': 3,
  'round-up': 4,
  'round-down': 5,
};

/**
 * What would save the customer money, best saving first, each re-priced with `price` and applicable in one
 * click (`applySuggestion`). None makes the same goods dearer per unit or adds a charge (`neverDearer`).
 */
export function suggest(order: OrderDraft, priced: PricedOrder, ctx: RulesContext): Suggestion[] {
  const input = suggestInput(order, priced, ctx);
  const all = [
    ...reachFrancoSuggestions(input),
    ...nextTierSuggestions(input),
    ...fillTruckSuggestions(input),
    ...moveDateSuggestions(input),
    ...roundingSuggestions(input),
  ];
  return all.sort((a, b) => b.savingCents - a.savingCents || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}
