import type { EdiMessage } from '../envelope.ts';
import { value } from '../segment.ts';
import {
  bodyOf,
  find,
  quantityOf,
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

export type LineSummary = {
  lineNumber: number | null;
  gtin: string | null;
  buyerCode: string | null;
  supplierCode: string | null;
  quantity: number | null;
  unitPrice: number | null;
};

/** What any EANCOM message says at a glance; `carnet edi parse` prints it (issue 5 § 7). */
export type MessageSummary = {
  type: string;
  reference: string;
  documentNumber: string | null;
  documentDate: string | null;
  deliveryDate: string | null;
  buyer: string | null;
  supplier: string | null;
  deliveryPoint: string | null;
  invoicee: string | null;
  currency: string | null;
  lines: LineSummary[];
};

/** The quantity that is the point of each message type; another QTY only when that one is missing. */
const MAIN_QUANTITY: Record<string, string> = { ORDERS: '21', ORDRSP: '21', DESADV: '12', INVOIC: '47', INVRPT: '145', SLSRPT: '153' };

/**
 * The delivery date at a glance: requested (2), else the earliest of a window (64), the estimated delivery
 * (17, DESADV), the despatch-advice delivery date (358), the actual delivery (35, INVOIC), the latest (63).
 */
const DELIVERY_QUALIFIERS = ['2', '64', '17', '358', '35', '63'];

export function summarizeMessage(message: EdiMessage): MessageSummary {
  const { header, lines } = splitLines(bodyOf(message));
  const parties = readParties(header);
  const bgm = find(header, 'BGM');
  const main = MAIN_QUANTITY[message.header.type];
  return {
    type: message.header.type,
    reference: message.header.reference,
    documentNumber: bgm ? value(bgm, 2, 1) : null,
    documentDate: readIsoDate(header, '137'),
    deliveryDate: readIsoDate(header, ...DELIVERY_QUALIFIERS),
    buyer: parties.get('BY')?.id ?? null,
    supplier: parties.get('SU')?.id ?? null,
    deliveryPoint: parties.get('DP')?.id ?? null,
    invoicee: parties.get('IV')?.id ?? null,
    currency: readCurrency(header),
    lines: lines.map((line) => {
      const ids = readItemIds(line);
      const quantities = readQuantities(line);
      return {
        lineNumber: readLineNumber(line[0]),
        gtin: ids.gtin,
        buyerCode: ids.buyerCode,
        supplierCode: ids.supplierCode,
        quantity: (main ? quantityOf(quantities, main) : null) ?? quantities[0]?.quantity ?? null,
        unitPrice: unitPriceOf(readPrices(line)),
      };
    }),
  };
}
