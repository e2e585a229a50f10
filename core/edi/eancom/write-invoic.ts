import { applyBasisPoints, roundCents } from '../../shared/money.ts';
import { formatBasisPoints } from '../numbers.ts';
import { dtm, type EnvelopeInput, type MessageInput, nad, type SegmentSpec, writeInterchange } from '../writer.ts';
import { itemSegments, moa, netPrice, type OutboundItem, qty } from './write-common.ts';

export type InvoiceLineInput = OutboundItem & {
  quantity: number;
  unit?: string | null;
  unitPriceCents: number;
  vatRateBp: number;
  /** The line's net when discounts were taken (rounded to the cent); else quantity × unit price. */
  netCents?: number | null;
};

/** An amount on a credit note that names no product (a set amount agreed on a complaint): in the totals, no LIN. */
export type UnitemisedAmount = { netCents: number; vatRateBp: number };

export type InvoiceMessageInput = {
  messageReference: string;
  /** BGM 380 (the default): an invoice; 381: a credit note, which names the invoice it corrects (RFF+IV). */
  documentCode?: '380' | '381';
  invoiceNumber: string;
  /** The invoice a credit note corrects (RFF+IV). */
  correctedInvoiceNumber?: string | null;
  documentDate: string;
  /** Actual delivery date (DTM+35). */
  deliveryDate?: string | null;
  /** Payment due date (DTM+13). */
  dueDate?: string | null;
  orderNumber?: string | null;
  /** Our delivery note (RFF+DQ). */
  despatchNumber?: string | null;
  buyer: string;
  supplier: string;
  deliveryPoint?: string | null;
  invoicee?: string | null;
  supplierVatNumber?: string | null;
  buyerVatNumber?: string | null;
  currency?: string | null;
  lines: InvoiceLineInput[];
  unitemised?: UnitemisedAmount[];
};

export type InvoiceTotals = {
  netCents: number;
  vatCents: number;
  grossCents: number;
  vat: { rateBp: number; baseCents: number; vatCents: number }[];
};

export function invoiceLineNet(line: InvoiceLineInput | UnitemisedAmount): number {
  return 'quantity' in line ? (line.netCents ?? roundCents(line.quantity * line.unitPriceCents)) : line.netCents;
}

/** VAT once per rate on that rate's base, rounded half away from zero (ARCHITECTURE.md, money rules). */
export function invoiceTotals(lines: readonly (InvoiceLineInput | UnitemisedAmount)[]): InvoiceTotals {
  const bases = new Map<number, number>();
  for (const line of lines) bases.set(line.vatRateBp, (bases.get(line.vatRateBp) ?? 0) + invoiceLineNet(line));
  const vat = [...bases.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rateBp, baseCents]) => ({ rateBp, baseCents, vatCents: applyBasisPoints(baseCents, rateBp) }));
  const netCents = vat.reduce((s, v) => s + v.baseCents, 0);
  const vatCents = vat.reduce((s, v) => s + v.vatCents, 0);
  return { netCents, vatCents, grossCents: netCents + vatCents, vat };
}

function tax(rateBp: number): SegmentSpec {
  return ['TAX', '7', 'VAT', null, null, [null, null, null, formatBasisPoints(rateBp)], 'S'];
}

/**
 * INVOIC (BGM 380) once delivered: lines with QTY+47, MOA+203, PRI+AAA and their VAT rate; then MOA+77
 * (total with VAT), 79 (lines), 125 (taxable), 176 (VAT) and one TAX with MOA+125 / MOA+124 per rate. A credit note
 * (BGM 381) is the same message with positive amounts (the document code says they are owed to the buyer), the
 * invoice it corrects in RFF+IV, and a set amount in the totals without a line (the detail section is conditional).
 */
export function invoiceMessage(invoice: InvoiceMessageInput): MessageInput {
  const body: SegmentSpec[] = [['BGM', invoice.documentCode ?? '380', invoice.invoiceNumber, '9'], dtm('137', invoice.documentDate)];
  if (invoice.deliveryDate) body.push(dtm('35', invoice.deliveryDate));
  if (invoice.dueDate) body.push(dtm('13', invoice.dueDate));
  if (invoice.correctedInvoiceNumber) body.push(['RFF', ['IV', invoice.correctedInvoiceNumber]]);
  if (invoice.orderNumber) body.push(['RFF', ['ON', invoice.orderNumber]]);
  if (invoice.despatchNumber) body.push(['RFF', ['DQ', invoice.despatchNumber]]);
  body.push(nad('BY', invoice.buyer));
  if (invoice.buyerVatNumber) body.push(['RFF', ['VA', invoice.buyerVatNumber]]);
  body.push(nad('SU', invoice.supplier));
  if (invoice.supplierVatNumber) body.push(['RFF', ['VA', invoice.supplierVatNumber]]);
  if (invoice.deliveryPoint) body.push(nad('DP', invoice.deliveryPoint));
  if (invoice.invoicee) body.push(nad('IV', invoice.invoicee));
  body.push(['CUX', ['2', invoice.currency ?? 'EUR', '4']]);
  for (const line of invoice.lines) {
    body.push(
      ...itemSegments(line),
      qty('47', line.quantity, line.unit),
      moa('203', invoiceLineNet(line)),
      netPrice(line.unitPriceCents),
      tax(line.vatRateBp),
    );
  }
  const totals = invoiceTotals([...invoice.lines, ...(invoice.unitemised ?? [])]);
  body.push(['UNS', 'S'], ['CNT', ['2', invoice.lines.length]]);
  body.push(moa('77', totals.grossCents), moa('79', totals.netCents), moa('125', totals.netCents), moa('176', totals.vatCents));
  for (const v of totals.vat) body.push(tax(v.rateBp), moa('125', v.baseCents), moa('124', v.vatCents));
  return { reference: invoice.messageReference, type: 'INVOIC', associationCode: 'EAN008', body };
}

export function writeInvoices(envelope: EnvelopeInput, invoices: readonly InvoiceMessageInput[]): string {
  return writeInterchange({ applicationReference: 'INVOIC', ...envelope }, invoices.map(invoiceMessage));
}
