import type { EdiMessage } from '../envelope.ts';
import { value } from '../segment.ts';
import {
  bodyOf,
  type EdiParty,
  find,
  quantityOf,
  readIsoDate,
  readItemIds,
  readLineNumber,
  readParties,
  readQuantities,
  splitLines,
} from './common.ts';

/** One line of a receiving advice: what the customer says arrived, per item. */
export type EdiReceiptLine = {
  lineNumber: number | null;
  gtin: string | null;
  buyerCode: string | null;
  supplierCode: string | null;
  /** QTY+194 received and accepted (else 48 received, else 46 delivered): what he keeps and will pay. */
  accepted: number | null;
  /** QTY+195 received and not accepted (refused at the dock, to be taken back). */
  refused: number | null;
  /** QTY+12 what he read as despatched on our advice. */
  despatched: number | null;
};

/** RECADV (EANCOM D.96A EAN003): the customer's word on a delivery, answering our DESADV. */
export type EdiReceivingAdvice = {
  messageReference: string;
  /** BGM e2: the receipt's number at the customer's. */
  documentNumber: string | null;
  documentDate: string | null;
  /** DTM+50 goods receipt date, else the document date. */
  receiptDate: string | null;
  /** RFF+ON: the order, as the customer numbered it (our order's customer reference). */
  orderNumber: string | null;
  /** RFF+AAK: the despatch advice (our delivery note number). */
  despatchNumber: string | null;
  buyer: EdiParty | null;
  supplier: EdiParty | null;
  deliveryPoint: EdiParty | null;
  lines: EdiReceiptLine[];
};

function reference(header: ReturnType<typeof splitLines>['header'], qualifier: string): string | null {
  const rff = find(header, 'RFF', qualifier);
  return rff ? value(rff, 1, 2) : null;
}

export function readReceivingAdvice(message: EdiMessage): EdiReceivingAdvice {
  const { header, lines } = splitLines(bodyOf(message));
  const parties = readParties(header);
  const bgm = find(header, 'BGM');
  const documentDate = readIsoDate(header, '137');
  return {
    messageReference: message.header.reference,
    documentNumber: bgm ? value(bgm, 2, 1) : null,
    documentDate,
    receiptDate: readIsoDate(header, '50') ?? documentDate,
    orderNumber: reference(header, 'ON'),
    despatchNumber: reference(header, 'AAK'),
    buyer: parties.get('BY') ?? null,
    supplier: parties.get('SU') ?? null,
    deliveryPoint: parties.get('DP') ?? null,
    lines: lines.map((line) => {
      const ids = readItemIds(line);
      const quantities = readQuantities(line);
      return {
        lineNumber: readLineNumber(line[0]),
        gtin: ids.gtin,
        buyerCode: ids.buyerCode,
        supplierCode: ids.supplierCode,
        accepted: quantityOf(quantities, '194') ?? quantityOf(quantities, '48') ?? quantityOf(quantities, '46'),
        refused: quantityOf(quantities, '195'),
        despatched: quantityOf(quantities, '12'),
      };
    }),
  };
}
