import type { EdiMessage } from '../envelope.ts';
import { readEdiNumber } from '../numbers.ts';
import { type Segment, value } from '../segment.ts';
import type { LineSummary } from './summary.ts';
import {
  bodyOf,
  type EdiParty,
  find,
  quantityOf,
  readAmounts,
  readCurrency,
  readIsoDate,
  readItemIds,
  readLineNumber,
  readParties,
  readPrices,
  readQuantities,
  splitLines,
  unitPriceOf,
} from './common.ts';

/** A summary line (quantity = QTY+47 invoiced) with what an invoice adds. */
export type EdiInvoiceLine = LineSummary & {
  /** MOA+203. */
  lineAmount: number | null;
  /** TAX e5.4, in percent. */
  vatRate: number | null;
};

export type EdiInvoice = {
  messageReference: string;
  /** BGM e1: 380 an invoice, 381 a credit note. */
  documentCode: string | null;
  invoiceNumber: string | null;
  /** RFF+IV: the invoice a credit note corrects. */
  correctedInvoiceNumber: string | null;
  documentDate: string | null;
  deliveryDate: string | null;
  dueDate: string | null;
  orderNumber: string | null;
  despatchNumber: string | null;
  buyer: EdiParty | null;
  supplier: EdiParty | null;
  deliveryPoint: EdiParty | null;
  invoicee: EdiParty | null;
  currency: string | null;
  lines: EdiInvoiceLine[];
  /** MOA 77, 79, 125, 176 of the summary. */
  totalAmount: number | null;
  lineItemsAmount: number | null;
  taxableAmount: number | null;
  taxAmount: number | null;
  /** One per TAX in the summary, with its MOA+125 / MOA+124. */
  taxes: { rate: number | null; taxableAmount: number | null; taxAmount: number | null }[];
};

function vatRate(segments: readonly Segment[]): number | null {
  const tax = segments.find((s) => s.tag === 'TAX' && value(s, 2, 1) === 'VAT');
  return tax ? readEdiNumber(value(tax, 5, 4)) : null;
}

function reference(header: readonly Segment[], qualifier: string): string | null {
  const rff = find(header, 'RFF', qualifier);
  return rff ? value(rff, 1, 2) : null;
}

/** INVOIC (EANCOM D.96A EAN008 layout; the D.01B EAN011 one reads the same). */
export function readInvoice(message: EdiMessage): EdiInvoice {
  const { header, lines, summary } = splitLines(bodyOf(message));
  const parties = readParties(header);
  const bgm = find(header, 'BGM');
  const totals = readAmounts(summary.filter((s, i) => s.tag === 'MOA' && !summary.slice(0, i).some((p) => p.tag === 'TAX')));
  const taxes: EdiInvoice['taxes'] = [];
  for (let i = 0; i < summary.length; i++) {
    if (summary[i].tag !== 'TAX') continue;
    const following: Segment[] = [];
    for (let j = i + 1; j < summary.length && summary[j].tag === 'MOA'; j++) following.push(summary[j]);
    const amounts = readAmounts(following);
    taxes.push({
      rate: readEdiNumber(value(summary[i], 5, 4)),
      taxableAmount: amounts.get('125') ?? null,
      taxAmount: amounts.get('124') ?? null,
    });
  }
  return {
    messageReference: message.header.reference,
    documentCode: bgm ? value(bgm, 1, 1) : null,
    invoiceNumber: bgm ? value(bgm, 2, 1) : null,
    correctedInvoiceNumber: reference(header, 'IV'),
    documentDate: readIsoDate(header, '137'),
    deliveryDate: readIsoDate(header, '35'),
    dueDate: readIsoDate(header, '13'),
    orderNumber: reference(header, 'ON'),
    despatchNumber: reference(header, 'DQ'),
    buyer: parties.get('BY') ?? null,
    supplier: parties.get('SU') ?? null,
    deliveryPoint: parties.get('DP') ?? null,
    invoicee: parties.get('IV') ?? null,
    currency: readCurrency(header),
    lines: lines.map((line) => {
      const ids = readItemIds(line);
      const amount = readAmounts(line).get('203');
      return {
        lineNumber: readLineNumber(line[0]),
        gtin: ids.gtin,
        buyerCode: ids.buyerCode,
        supplierCode: ids.supplierCode,
        quantity: quantityOf(readQuantities(line), '47'),
        unitPrice: unitPriceOf(readPrices(line)),
        lineAmount: amount ?? null,
        vatRate: vatRate(line),
      };
    }),
    totalAmount: totals.get('77') ?? null,
    lineItemsAmount: totals.get('79') ?? null,
    taxableAmount: totals.get('125') ?? null,
    taxAmount: totals.get('176') ?? null,
    taxes,
  };
}
