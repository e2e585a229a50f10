import type { Product } from '../catalog/product.ts';
import type { OrderDraft } from '../orders/order-draft.types.ts';
import type { RulesContext } from '../orders/rules-context.types.ts';
import { price } from '../pricing/price.ts';
import type { PricedOrder } from '../pricing/pricing.types.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import { applySuggestion } from './apply.ts';
import { neverDearer, savingCents } from './saving.ts';
import type { Suggestion, SuggestionChange, SuggestionKind } from './suggestion.types.ts';

export type SuggestInput = { order: OrderDraft; priced: PricedOrder; ctx: RulesContext; products: readonly (Product | undefined)[] };

/**
 * Re-prices the order with the changes made and keeps the suggestion only if it makes no goods dearer and saves
 * at least `minSaving` (0 for roundings, which are offered for the warehouse's sake even when they save nothing).
 */
export function evaluate(input: SuggestInput, kind: SuggestionKind, id: string, description: Bilingual, changes: SuggestionChange[], minSaving = 1): Suggestion | null {
  const after = price(applySuggestion(input.order, { changes }), input.ctx);
  if (!neverDearer(input.priced, after)) return null;
  const saving = savingCents(input.priced, after);
  if (saving < minSaving) return null;
  return { id, kind, description, savingCents: saving, changes };
}
