import type { Product } from '../catalog/product.ts';
import type { OrderDraft } from '../orders/order-draft.types.ts';
import type { RulesContext } from '../orders/rules-context.types.ts';
import { LineChangePricer } from '../pricing/line-change.ts';
import { price } from '../pricing/price.ts';
import type { PricedOrder } from '../pricing/pricing.types.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import { applySuggestion } from './apply.ts';
import { type ChangedOrder, changedOrder, judgeChange, lineJudges } from './saving.ts';
import type { Suggestion, SuggestionChange, SuggestionKind } from './suggestion.types.ts';

export type SuggestInput = {
  order: OrderDraft;
  priced: PricedOrder;
  ctx: RulesContext;
  products: readonly (Product | undefined)[];
  /** The order with one line's quantity changed, re-priced without re-pricing its other lines. */
  lineChange: (lineIndex: number, quantity: number) => ChangedOrder;
};

/** What the suggestions read; `priced` is `price(order, ctx)`. The one-line re-pricer is built on first use. */
export function suggestInput(order: OrderDraft, priced: PricedOrder, ctx: RulesContext): SuggestInput {
  let pricer: LineChangePricer | null = null;
  const lineChange = (lineIndex: number, quantity: number): ChangedOrder => {
    if (!pricer) {
      const judges = lineJudges(priced);
      pricer = new LineChangePricer(order, priced, ctx, [judges.referenceCents, judges.dearer]);
    }
    const { netCents, chargesNetCents, figures } = pricer.change(lineIndex, quantity);
    return { netCents, chargesNetCents, referenceCents: figures[0], dearerLines: figures[1] };
  };
  return {
    order,
    priced,
    ctx,
    products: order.lines.map((l) => (l.productId === null ? undefined : ctx.products.get(l.productId))),
    lineChange,
  };
}

/**
 * Re-prices the order with the changes made and keeps the suggestion only if it makes no goods dearer and saves
 * at least `minSaving` (0 for roundings, which are offered for the warehouse's sake even when they save nothing).
 * A change of one line's quantity (every rounding) is re-priced from the order's priced lines: a suggestion per
 * line of a large order costs no more than the order's size.
 */
export function evaluate(
  input: SuggestInput,
  kind: SuggestionKind,
  id: string,
  description: Bilingual,
  changes: SuggestionChange[],
  minSaving = 1,
): Suggestion | null {
  const [only] = changes;
  const after =
    changes.length === 1 && only.op === 'setQuantity' && input.order.lines[only.lineIndex]
      ? input.lineChange(only.lineIndex, only.quantity)
      : changedOrder(input.priced, price(applySuggestion(input.order, { changes }), input.ctx));
  const { neverDearer, savingCents } = judgeChange(input.priced, after);
  if (!neverDearer || savingCents < minSaving) return null;
  return { id, kind, description, savingCents, orderChangeCents: after.netCents - input.priced.totals.netCents, changes };
}
