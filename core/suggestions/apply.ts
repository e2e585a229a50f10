import type { OrderDraft } from '../orders/order-draft.types.ts';
import type { Suggestion } from './suggestion.types.ts';

/** One click: the draft with the suggestion's changes made (a new draft; the one passed in is left as it was). */
export function applySuggestion(order: OrderDraft, suggestion: Pick<Suggestion, 'changes'>): OrderDraft {
  const lines = [...order.lines];
  let requestedDate = order.requestedDate;
  for (const change of suggestion.changes) {
    if (change.op === 'setQuantity') {
      if (lines[change.lineIndex]) lines[change.lineIndex] = { ...lines[change.lineIndex], quantity: change.quantity };
    } else if (change.op === 'addLine') lines.push({ productId: change.productId, quantity: change.quantity });
    else requestedDate = change.date;
  }
  return { ...order, lines, requestedDate };
}
