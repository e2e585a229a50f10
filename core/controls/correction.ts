import { moneyOnlyLine, orderTotals } from '../orders/totals.ts';
import { roundCents } from '../shared/money.ts';
import type { Discrepancy } from './compare.ts';

/**
 * A discrepancy made a correcting document (issue 16 § 6): a credit note (avoir) when the customer was charged for
 * more than he got or at too high a price, a corrective invoice (facture rectificative) when he was charged too
 * little. Plain data in, the document's lines and totals out, in integer cents.
 */
export type CorrectionKind = 'credit-note' | 'corrective-invoice';

/** The order line the discrepancy is about: what the customer pays for it (its net, discounts included), its VAT. */
export type CorrectedLine = {
  productCode: string;
  productName: string;
  orderedQuantity: number;
  orderedNetCents: number;
  vatRateBp: number;
};

export type CorrectionLine = { label: string; quantity: number; unitPriceCents: number; netCents: number; vatRateBp: number };

export type Correction = { kind: CorrectionKind; lines: CorrectionLine[]; netCents: number; vatCents: number; grossCents: number };

/**
 * The net unit price the customer pays on the order line, rounded half up to the cent (roundCents): the one price printed, so that quantity × unit price is the line's amount to the cent.
 */
export function netUnitPriceCents(line: Pick<CorrectedLine, 'orderedQuantity' | 'orderedNetCents'>): number {
  return line.orderedQuantity > 0 ? roundCents(line.orderedNetCents / line.orderedQuantity) : 0;
}

const INVOICE_KINDS: readonly Discrepancy['kind'][] = ['invoiced-over', 'invoiced-under', 'invoiced-price'];

/**
 * The correcting document for one discrepancy of the invoice, or null when there is nothing to correct with: a
 * product nobody ordered has no agreed price, and a zero amount needs no document. A quantity gap is valued at the order line's
 * net unit price; a price gap is the difference of unit prices on the quantity invoiced. VAT per rate on the
 * rounded net, as on the invoice (orderTotals).
 */
export function correctionOf(
  d: Pick<Discrepancy, 'kind' | 'expected' | 'actual' | 'owedTo'>,
  line: CorrectedLine | null,
  invoicedQuantity: number,
): Correction | null {
  // Only what the invoice says can be corrected by a correcting document: a gap upstream (shipped or received short)
  // is money only once invoiced, and then the invoice's own discrepancy carries it (correcting both would credit twice).
  if (!line || !INVOICE_KINDS.includes(d.kind)) return null;
  const [quantity, unitPriceCents] =
    d.kind === 'invoiced-price'
      ? [invoicedQuantity, Math.abs(d.actual - d.expected)]
      : [Math.abs(d.expected - d.actual), netUnitPriceCents(line)];
  const netCents = quantity * unitPriceCents;
  if (netCents <= 0) return null;
  const lines = [{ label: `${line.productCode} ${line.productName}`, quantity, unitPriceCents, netCents, vatRateBp: line.vatRateBp }];
  const totals = orderTotals(lines.map(moneyOnlyLine));
  return {
    // What is owed to the customer is credited; what is owed to us is invoiced.
    kind: d.owedTo === 'customer' ? 'credit-note' : 'corrective-invoice',
    lines,
    netCents: totals.netCents,
    vatCents: totals.vatCents,
    grossCents: totals.grossCents,
  };
}
