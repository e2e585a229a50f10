import { unitsPerPallet } from '../catalog/packaging.ts';
import { eur, say } from '../terms/checks/format.ts';
import { quantityChange } from './describe.ts';
import { evaluate, type SuggestInput } from './suggest-input.ts';
import type { Suggestion, SuggestionChange } from './suggestion.types.ts';
import { upToMultiple } from './targets.ts';

/**
 * Below franco by at most half the threshold: top up the customer's most usual product already ordered (else
 * add it) so the fee goes. The target is re-priced and stepped up a multiple at a time until franco is reached,
 * since discounts can leave a computed top-up a few cents short.
 */
export function reachFrancoSuggestions(input: SuggestInput): Suggestion[] {
  const { order, priced, ctx, products } = input;
  const f = priced.franco;
  if (!f || f.feeCents === 0 || f.missing > f.threshold / 2) return [];
  const usual = ctx.usualProductIds;
  let chosen = -1;
  for (const id of usual) {
    chosen = order.lines.findIndex(
      (l, i) => l.productId === id && priced.lines[i].unitPriceCents !== null && products[i]?.status === 'active',
    );
    if (chosen >= 0) break;
  }
  if (chosen < 0) {
    for (let i = 0; i < order.lines.length; i++)
      if (
        priced.lines[i].netCents > 0 &&
        products[i]?.status === 'active' &&
        (chosen < 0 || priced.lines[i].netCents > priced.lines[chosen].netCents)
      )
        chosen = i;
  }
  if (chosen < 0) return [];
  const product = products[chosen]!;
  const line = priced.lines[chosen];
  const perUnit = f.measure === 'value' ? line.netCents / line.quantity : unitsPerPallet(product) ? 1 / unitsPerPallet(product)! : 0;
  if (perUnit <= 0) return [];
  let target = upToMultiple(product, line.quantity + Math.ceil(f.missing / perUnit - 1e-9), ctx.terms.orderMultiples);
  const why = say([['(franco atteint, plus de frais de port de ', '(free delivery reached, no shipping fee of '], eur(f.feeCents), ')']);
  for (let attempt = 0; attempt < 3; attempt++) {
    const changes: SuggestionChange[] = [{ op: 'setQuantity', lineIndex: chosen, quantity: target }];
    const s = evaluate(input, 'reach-franco', 'reach-franco', quantityChange(chosen, product, line.quantity, target, why), changes);
    if (s && s.savingCents >= f.feeCents) return [s];
    target = upToMultiple(product, target + 1, ctx.terms.orderMultiples);
  }
  return [];
}
