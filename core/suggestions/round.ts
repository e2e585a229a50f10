import { multipleSize, multipleUnitFor, MULTIPLE_LABEL } from '../terms/checks/order-multiple.ts';
import type { OrderMultipleUnit } from '../terms/terms.types.ts';
import { quantityChange } from './describe.ts';
import { evaluate, type SuggestInput } from './suggest-input.ts';
import type { Suggestion } from './suggestion.types.ts';

/**
 * A line off its multiple, rounded both ways (the customer chooses: more goods or fewer), each re-priced; and a
 * line close above a whole pallet, rounded up to it when that earns something (a pallet tier, franco).
 */
export function roundingSuggestions(input: SuggestInput): Suggestion[] {
  const out: Suggestion[] = [];
  const { order, ctx, products } = input;
  for (let i = 0; i < order.lines.length; i++) {
    const product = products[i];
    const quantity = order.lines[i].quantity;
    if (!product || quantity <= 0 || product.status !== 'active') continue;
    const required = multipleUnitFor(product, ctx.terms.orderMultiples);
    const units: OrderMultipleUnit[] = required === 'pallet' ? ['pallet'] : [required, 'pallet'];
    for (const unit of units) {
      const size = multipleSize(product, unit);
      if (size === null || size <= 1 || quantity % size === 0) continue;
      const down = quantity - (quantity % size);
      const up = down + size;
      const isRequired = unit === required;
      // Beyond what the terms require, a pallet is only worth proposing when it is nearly there and pays.
      if (!isRequired && (quantity % size) / size < 0.8) continue;
      const label = MULTIPLE_LABEL[unit];
      const why = { fr: `(${label.fr} complète)`, en: `(whole ${label.en}s)` };
      const upS = evaluate(
        input,
        'round-up',
        `round-up:${unit}:${i}`,
        quantityChange(i, product, quantity, up, why),
        [{ op: 'setQuantity', lineIndex: i, quantity: up }],
        isRequired ? 0 : 1,
      );
      if (upS) out.push(upS);
      if (isRequired && down > 0) {
        const downS = evaluate(
          input,
          'round-down',
          `round-down:${unit}:${i}`,
          quantityChange(i, product, quantity, down, why),
          [{ op: 'setQuantity', lineIndex: i, quantity: down }],
          0,
        );
        if (downS) out.push(downS);
      }
    }
  }
  return out;
}
