import type { Bilingual } from '../shared/bilingual.ts';
import { moneyOnlyLine, orderTotals } from '../orders/totals.ts';

/** How a complaint is settled: the outcomes the trade uses. */
export const RESOLUTION_OUTCOMES = ['replacement', 'credit-note', 'return', 'gesture', 'refusal'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

/** Why a complaint is refused. */
export const REFUSAL_REASONS = ['out-of-time', 'not-our-fault', 'no-reserves'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Above this amount (net), a credit note needs a manager: an assistant cannot issue it alone. */
export const CREDIT_NOTE_APPROVAL_CENTS = 50_000;

/** One line of a credit note as issued and printed. */
export type CreditNoteLine = { label: string; quantity: number | null; netCents: number; vatRateBp: number };

/** A complained line with what its order line was invoiced at. */
export type CreditableLine = {
  productCode: string;
  productName: string;
  quantity: number;
  orderedQuantity: number;
  orderedNetCents: number;
  vatRateBp: number;
};

/**
 * The credit for the lines complained of, at what the customer paid: the order line's net (discounts included) in
 * proportion to the quantity, rounded to the cent; VAT per rate on each rate's base, as on the invoice.
 */
export function creditNoteFromLines(lines: readonly CreditableLine[]): {
  lines: CreditNoteLine[];
  netCents: number;
  vatCents: number;
  grossCents: number;
} {
  const credited = lines.map((l) => ({
    label: `${l.productCode} ${l.productName}`,
    quantity: l.quantity,
    netCents: Math.round((l.orderedNetCents * l.quantity) / l.orderedQuantity),
    vatRateBp: l.vatRateBp,
  }));
  return { lines: credited, ...amounts(credited) };
}

/** A set amount (net), at one VAT rate. */
export function creditNoteOfAmount(label: string, netCents: number, vatRateBp: number) {
  const credited = [{ label, quantity: null, netCents, vatRateBp }];
  return { lines: credited, ...amounts(credited) };
}

function amounts(lines: readonly CreditNoteLine[]) {
  const totals = orderTotals(lines.map(moneyOnlyLine));
  return { netCents: totals.netCents, vatCents: totals.vatCents, grossCents: totals.grossCents };
}

/** How a gesture reads on the order that takes it off (the acknowledgement, the order's totals): its complaint named. */
export function gestureLabel(complaintNumber: string): Bilingual {
  return { fr: `Geste commercial (réclamation ${complaintNumber})`, en: `Goodwill gesture (complaint ${complaintNumber})` };
}
