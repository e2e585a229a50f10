import { readDtmValue } from '../dates.ts';
import type { EdiMessage } from '../envelope.ts';
import { readEdiNumber } from '../numbers.ts';
import { type Segment, value } from '../segment.ts';
import {
  bodyOf,
  type EdiParty,
  find,
  quantityOf,
  readCurrency,
  readDate,
  readDescription,
  readIsoDate,
  readItemIds,
  readLineNumber,
  readParties,
  readPrices,
  readQuantities,
  readTexts,
  splitLines,
} from './common.ts';

/** LOC+7 + QTY+11 (+ DTM+2): part of a line to deliver to another place (EANCOM.md § 2, SG33). */
export type EdiSplitDelivery = { location: string | null; quantity: number | null; date: string | null };

export type EdiOrderLine = {
  lineNumber: number | null;
  /** LIN e2: in an ORDRSP, 5 accepted, 3 changed, 7 not accepted. */
  action: string | null;
  gtin: string | null;
  buyerCode: string | null;
  supplierCode: string | null;
  otherCodes: { code: string; type: string | null }[];
  description: string | null;
  /** QTY+21, in `unit` (absent: pieces, GS1 Germany note). */
  quantity: number | null;
  unit: string | null;
  /** QTY+192: free goods. */
  freeQuantity: number | null;
  /** QTY+59: consumer units in one traded unit, to convert cartons and pieces. */
  unitsPerTradedUnit: number | null;
  /** QTY+83 (ORDRSP): back-ordered. */
  backorderQuantity: number | null;
  netPrice: number | null;
  grossPrice: number | null;
  priceBasis: number | null;
  priceUnit: string | null;
  /** MOA+203. */
  lineAmount: number | null;
  deliveryDate: string | null;
  splits: EdiSplitDelivery[];
  notes: string[];
};

export type EdiOrder = {
  messageReference: string;
  /** BGM e1.1: 220 order (also 50E, 352 in samples), 231 order response. */
  documentName: string | null;
  documentNumber: string | null;
  /** BGM e3 (1225): 9 original, 4 change, 27 not accepted, 29 accepted… */
  messageFunction: string | null;
  documentDate: string | null;
  /** DTM+2, with its time when format 203. */
  deliveryDate: string | null;
  deliveryTime: string | null;
  /** DTM+64 / DTM+63, or a DTM+2 sent as a 718 range. */
  earliestDelivery: string | null;
  latestDelivery: string | null;
  /** DTM+61. */
  cancelIfNotDeliveredBy: string | null;
  /** RFF+ON: the buyer's order number (in a response: the order answered), with its DTM+171. */
  orderNumber: string | null;
  orderDate: string | null;
  references: { qualifier: string; value: string | null }[];
  buyer: EdiParty | null;
  supplier: EdiParty | null;
  /** NAD+DP, else NAD+ST (ship-to), as some guides name the place of delivery. */
  deliveryPoint: EdiParty | null;
  invoicee: EdiParty | null;
  parties: EdiParty[];
  currency: string | null;
  /**
   * Delivery requirement (4493: SC ship complete, BK partial with back order, SP partial and cancel the rest,
   * IS substitute allowed, CD cancel if not delivered by date…). In D.96A ORDERS it sits in SCC e2
   * (scheduling conditions); some guides send it as a coded FTX+DIN instead. The first found is kept.
   */
  deliveryRequirement: string | null;
  notes: string[];
  lines: EdiOrderLine[];
  /** CNT+2 as sent, to compare with lines.length. */
  lineCount: number | null;
};

function readSplits(line: readonly Segment[]): EdiSplitDelivery[] {
  const splits: EdiSplitDelivery[] = [];
  let current: EdiSplitDelivery | null = null;
  for (const s of line) {
    if (s.tag === 'LOC' && value(s, 1, 1) === '7') {
      current = { location: value(s, 2, 1), quantity: null, date: null };
      splits.push(current);
    } else if (current && s.tag === 'QTY' && value(s, 1, 1) === '11') {
      current.quantity = readEdiNumber(value(s, 1, 2));
    } else if (current && s.tag === 'DTM' && value(s, 1, 1) === '2') {
      current.date = readDtmValue(value(s, 1, 2), value(s, 1, 3))?.date ?? null;
    }
  }
  return splits;
}

/** The line's own segments, before any SG33 split delivery (whose DTM+2 belongs to the split). */
function ownSegments(line: readonly Segment[]): Segment[] {
  const firstLoc = line.findIndex((s) => s.tag === 'LOC' && value(s, 1, 1) === '7');
  return firstLoc < 0 ? [...line] : line.slice(0, firstLoc);
}

export function readOrderLine(line: readonly Segment[]): EdiOrderLine {
  const ids = readItemIds(line);
  const own = ownSegments(line);
  const quantities = readQuantities(own);
  const ordered = quantities.find((q) => q.qualifier === '21') ?? null;
  const prices = readPrices(line);
  const net = prices.find((p) => p.qualifier === 'AAA') ?? null;
  const gross = prices.find((p) => p.qualifier === 'AAB') ?? null;
  const priced = net ?? gross ?? prices[0] ?? null;
  const amount = own.find((s) => s.tag === 'MOA' && value(s, 1, 1) === '203');
  return {
    lineNumber: readLineNumber(line[0]),
    action: value(line[0], 2, 1),
    ...ids,
    description: readDescription(line),
    quantity: ordered?.quantity ?? quantities[0]?.quantity ?? null,
    unit: ordered?.unit ?? quantities[0]?.unit ?? null,
    freeQuantity: quantityOf(quantities, '192'),
    unitsPerTradedUnit: quantityOf(quantities, '59'),
    backorderQuantity: quantityOf(quantities, '83'),
    netPrice: net?.price ?? (priced && !gross ? priced.price : null),
    grossPrice: gross?.price ?? null,
    priceBasis: priced?.basis ?? null,
    priceUnit: priced?.unit ?? null,
    lineAmount: amount ? readEdiNumber(value(amount, 1, 2)) : null,
    deliveryDate: readIsoDate(own, '2'),
    splits: readSplits(line),
    notes: readTexts(line).map((t) => t.text),
  };
}

function readDeliveryRequirement(header: readonly Segment[]): string | null {
  const scc = header.find((s) => s.tag === 'SCC' && value(s, 2, 1) !== null);
  if (scc) return value(scc, 2, 1);
  const ftx = header.find((s) => s.tag === 'FTX' && value(s, 1, 1) === 'DIN' && value(s, 3, 1) !== null);
  if (ftx) return value(ftx, 3, 1);
  return null;
}

/** An ORDERS message (EANCOM D.96A EAN008, and the D.01B EAN010 layout, which reads the same). */
export function readOrder(message: EdiMessage): EdiOrder {
  const { header, lines, summary } = splitLines(bodyOf(message));
  const parties = readParties(header);
  const bgm = find(header, 'BGM');
  const requested = readDate(header, '2');
  const rffs = header.filter((s) => s.tag === 'RFF');
  const on = rffs.findIndex((s) => value(s, 1, 1) === 'ON');
  const afterOn = on >= 0 ? header[header.indexOf(rffs[on]) + 1] : undefined;
  const cnt = find(summary, 'CNT', '2');
  return {
    messageReference: message.header.reference,
    documentName: bgm ? value(bgm, 1, 1) : null,
    documentNumber: bgm ? value(bgm, 2, 1) : null,
    messageFunction: bgm ? value(bgm, 3, 1) : null,
    documentDate: readIsoDate(header, '137'),
    deliveryDate: requested?.date ?? null,
    deliveryTime: requested?.time ?? null,
    earliestDelivery: readIsoDate(header, '64') ?? (requested?.until ? requested.date : null),
    latestDelivery: readIsoDate(header, '63') ?? requested?.until ?? null,
    cancelIfNotDeliveredBy: readIsoDate(header, '61'),
    orderNumber: on >= 0 ? value(rffs[on], 1, 2) : null,
    orderDate:
      afterOn?.tag === 'DTM' && value(afterOn, 1, 1) === '171'
        ? (readDtmValue(value(afterOn, 1, 2), value(afterOn, 1, 3))?.date ?? null)
        : null,
    references: rffs.map((s) => ({ qualifier: value(s, 1, 1) ?? '', value: value(s, 1, 2) })),
    buyer: parties.get('BY') ?? null,
    supplier: parties.get('SU') ?? null,
    deliveryPoint: parties.get('DP') ?? parties.get('ST') ?? null,
    invoicee: parties.get('IV') ?? null,
    parties: [...parties.values()],
    currency: readCurrency(header),
    deliveryRequirement: readDeliveryRequirement(header),
    notes: readTexts(header).map((t) => t.text),
    lines: lines.map(readOrderLine),
    lineCount: cnt ? readEdiNumber(value(cnt, 1, 2)) : null,
  };
}
