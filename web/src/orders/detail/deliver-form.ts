import type { OrderLine, ShortfallChoice } from '../../../../core/orders/order.ts';
import type { DeliverInput } from '../../../../core/orders/orders.schemas.ts';

/** One line of the form: the choice for a shortfall is kept while the quantity is typed, sent only when short. */
export type DeliverRow = { lineId: number; deliveredQuantity: number; shortfall: ShortfallChoice };

/** The lines a delivery can report on: those still open (a cancelled line was never shipped). */
export function deliverableLines(lines: readonly OrderLine[]): OrderLine[] {
  return lines.filter((l) => l.status === 'open');
}

/** What the customer received, all of it by default: the usual case is one click. */
export function initialDeliverInputs(lines: readonly OrderLine[]): DeliverRow[] {
  return deliverableLines(lines).map((l) => ({ lineId: l.id, deliveredQuantity: l.quantity, shortfall: 'backorder' }));
}

/** A short line says what becomes of the missing quantity; a complete one has nothing to decide. */
export function deliverBody(lines: readonly OrderLine[], inputs: readonly DeliverRow[]): DeliverInput {
  const ordered = new Map(lines.map((l) => [l.id, l.quantity]));
  return {
    lines: inputs.map((input) => {
      const short = input.deliveredQuantity < (ordered.get(input.lineId) ?? 0);
      return { lineId: input.lineId, deliveredQuantity: input.deliveredQuantity, ...(short ? { shortfall: input.shortfall } : {}) };
    }),
  };
}
