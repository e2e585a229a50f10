import { readDtmValue } from '../dates.ts';
import type { EdiMessage } from '../envelope.ts';
import { readEdiNumber } from '../numbers.ts';
import { type Segment, value } from '../segment.ts';
import { bodyOf, type EdiParty, find, readIsoDate, readItemIds, readLineNumber, readParties, splitLines } from './common.ts';

/** One QTY of a line with what qualifies it (EANCOM 1997 INVRPT SG11: QTY-INV-GIN-LOC-DTM). */
export type EdiStockEntry = {
  /** 145 actual stock, and the other 6063 codes a partner sends. */
  qualifier: string;
  quantity: number;
  unit: string | null;
  /** INV e1: 1 movement out, 2 movement in; null for a stock figure. */
  movement: string | null;
  /** LOC e2.1: the store or warehouse (a GLN with agency 9). */
  location: string | null;
  /** DTM+366 (or 137) on the entry. */
  date: string | null;
  bestBefore: string | null;
  lot: string | null;
  /** The QTY it was read from: where a refusal of the figure points. */
  source: Segment;
};

export type EdiInventoryLine = {
  lineNumber: number | null;
  gtin: string | null;
  buyerCode: string | null;
  supplierCode: string | null;
  entries: EdiStockEntry[];
};

/** A customer's stock report: what feeds CustomerStock (days of cover, order proposals). */
export type EdiInventoryReport = {
  messageReference: string;
  documentNumber: string | null;
  documentDate: string | null;
  /** DTM+366 inventory report date, else the document date. */
  reportDate: string | null;
  /** NAD+GY inventory reporting party, else the buyer. */
  reportingParty: EdiParty | null;
  supplier: EdiParty | null;
  /** A LOC in the header applies to every line (the warehouse reported on). */
  location: string | null;
  lines: EdiInventoryLine[];
};

function dateOf(s: Segment): string | null {
  return readDtmValue(value(s, 1, 2), value(s, 1, 3))?.date ?? null;
}

function readEntries(line: readonly Segment[], headerLocation: string | null, reportDate: string | null): EdiStockEntry[] {
  const entries: EdiStockEntry[] = [];
  let current: EdiStockEntry | null = null;
  for (const s of line) {
    if (s.tag === 'QTY') {
      const quantity = readEdiNumber(value(s, 1, 2));
      if (quantity === null) continue;
      current = {
        qualifier: value(s, 1, 1) ?? '',
        quantity,
        unit: value(s, 1, 3),
        movement: null,
        location: headerLocation,
        date: reportDate,
        bestBefore: null,
        lot: null,
        source: s,
      };
      entries.push(current);
    } else if (current) {
      if (s.tag === 'INV') current.movement = value(s, 1, 1);
      else if (s.tag === 'LOC') current.location = value(s, 2, 1);
      else if (s.tag === 'DTM' && value(s, 1, 1) === '361') current.bestBefore = dateOf(s);
      else if (s.tag === 'DTM' && (value(s, 1, 1) === '366' || value(s, 1, 1) === '137')) current.date = dateOf(s);
      else if (s.tag === 'GIN' && value(s, 1, 1) === 'BX') current.lot = value(s, 2, 1);
    }
  }
  return entries;
}

/** INVRPT (EANCOM 1997 EAN004; generators also label it EAN008): stock per item, per location and date. */
export function readInventoryReport(message: EdiMessage): EdiInventoryReport {
  const { header, lines } = splitLines(bodyOf(message));
  const parties = readParties(header);
  const bgm = find(header, 'BGM');
  const documentDate = readIsoDate(header, '137');
  const reportDate = readIsoDate(header, '366') ?? documentDate;
  const loc = find(header, 'LOC');
  const location = loc ? value(loc, 2, 1) : null;
  return {
    messageReference: message.header.reference,
    documentNumber: bgm ? value(bgm, 2, 1) : null,
    documentDate,
    reportDate,
    reportingParty: parties.get('GY') ?? parties.get('BY') ?? null,
    supplier: parties.get('SU') ?? null,
    location,
    lines: lines.map((line) => {
      const ids = readItemIds(line);
      return {
        lineNumber: readLineNumber(line[0]),
        gtin: ids.gtin,
        buyerCode: ids.buyerCode,
        supplierCode: ids.supplierCode,
        entries: readEntries(line, location, reportDate),
      };
    }),
  };
}
