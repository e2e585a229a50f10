import { readDtmValue, type EdiDateValue } from '../dates.ts';
import type { EdiMessage } from '../envelope.ts';
import { readEdiNumber } from '../numbers.ts';
import { type Segment, value } from '../segment.ts';
import { hasValidGs1CheckDigit } from '../../catalog/packaging.ts';

/** A party named in NAD: `id` with agency 9 is a GLN; 91/92 are the supplier's / buyer's own codes. */
export type EdiParty = {
  qualifier: string;
  id: string | null;
  agency: string | null;
  name: string | null;
  street: string | null;
  city: string | null;
  postcode: string | null;
  country: string | null;
};

export type ItemIds = {
  gtin: string | null;
  buyerCode: string | null;
  supplierCode: string | null;
  /** Every other code read from LIN / PIA, with its type (IB ISBN, PV promotional variant…). */
  otherCodes: { code: string; type: string | null }[];
};

const GTIN_TYPES = new Set(['EN', 'SRV', 'SRS', 'UP', 'EAN', 'UPC']);
const BUYER_TYPES = new Set(['IN', 'BP']);
const SUPPLIER_TYPES = new Set(['SA', 'VN', 'SRT']);

/** Body segments only (UNH and UNT out), the part EANCOM readers look at. */
export function bodyOf(message: EdiMessage): Segment[] {
  const s = message.segments;
  return s.slice(1, s.at(-1)?.tag === 'UNT' ? -1 : undefined);
}

/** Splits a message at its first LIN: header segments, then one group per LIN, then what follows UNS. */
export function splitLines(body: Segment[]): { header: Segment[]; lines: Segment[][]; summary: Segment[] } {
  const header: Segment[] = [];
  const lines: Segment[][] = [];
  const summary: Segment[] = [];
  let inSummary = false;
  for (const segment of body) {
    if (segment.tag === 'UNS') inSummary = true;
    else if (inSummary) summary.push(segment);
    else if (segment.tag === 'LIN') lines.push([segment]);
    else if (lines.length) lines[lines.length - 1].push(segment);
    else header.push(segment);
  }
  return { header, lines, summary };
}

export function find(segments: readonly Segment[], tag: string, qualifier?: string): Segment | undefined {
  return segments.find((s) => s.tag === tag && (qualifier === undefined || value(s, 1, 1) === qualifier));
}

/** DTM with a qualifier (2005), read in its format (2379). */
export function readDate(segments: readonly Segment[], qualifier: string): EdiDateValue | null {
  const dtm = find(segments, 'DTM', qualifier);
  return dtm ? readDtmValue(value(dtm, 1, 2), value(dtm, 1, 3)) : null;
}

export function readIsoDate(segments: readonly Segment[], ...qualifiers: string[]): string | null {
  for (const q of qualifiers) {
    const d = readDate(segments, q);
    if (d) return d.date;
  }
  return null;
}

export function readParty(nad: Segment): EdiParty {
  const name = [2, 3, 4, 5, 6].map((c) => value(nad, 4, c)).filter((v) => v !== null);
  const free = [1, 2, 3, 4, 5].map((c) => value(nad, 3, c)).filter((v) => v !== null);
  const street = [1, 2, 3, 4].map((c) => value(nad, 5, c)).filter((v) => v !== null);
  const first = value(nad, 4, 1);
  return {
    qualifier: value(nad, 1, 1) ?? '',
    id: value(nad, 2, 1),
    agency: value(nad, 2, 3),
    name: first !== null ? [first, ...name].join(' ') : free.length ? free.join(' ') : null,
    street: street.length ? street.join(' ') : null,
    city: value(nad, 6, 1),
    postcode: value(nad, 8, 1),
    country: value(nad, 9, 1),
  };
}

/** The header parties by role: the first NAD of each qualifier wins (a sample sends two NAD+BY). */
export function readParties(header: readonly Segment[]): Map<string, EdiParty> {
  const parties = new Map<string, EdiParty>();
  for (const s of header) {
    if (s.tag !== 'NAD') continue;
    const party = readParty(s);
    if (!parties.has(party.qualifier)) parties.set(party.qualifier, party);
  }
  return parties;
}

/** CUX: the reference currency (usage 2) or else the first one named. */
export function readCurrency(header: readonly Segment[]): string | null {
  const cux = header.filter((s) => s.tag === 'CUX');
  const reference = cux.find((s) => value(s, 1, 1) === '2') ?? cux[0];
  return reference ? (value(reference, 1, 2) ?? null) : null;
}

function isGtinShaped(code: string): boolean {
  return (code.length === 8 || code.length === 12 || code.length === 13 || code.length === 14) && hasValidGs1CheckDigit(code);
}

function addCode(ids: ItemIds, code: string, type: string | null): void {
  if (type !== null && GTIN_TYPES.has(type)) {
    if (ids.gtin === null) ids.gtin = code;
    else if (ids.gtin !== code) ids.otherCodes.push({ code, type });
  } else if (type !== null && BUYER_TYPES.has(type)) {
    if (ids.buyerCode === null) ids.buyerCode = code;
    else ids.otherCodes.push({ code, type });
  } else if (type !== null && SUPPLIER_TYPES.has(type)) {
    if (ids.supplierCode === null) ids.supplierCode = code;
    else ids.otherCodes.push({ code, type });
  } else if (type === null && ids.gtin === null && isGtinShaped(code)) {
    ids.gtin = code; // an untyped code that is a valid GTIN is one (PIA+5+9780738507330)
  } else {
    ids.otherCodes.push({ code, type });
  }
}

/**
 * Item identity (EANCOM.md § 8.3): the GTIN of LIN e3 (types EN / SRV / SRS), else from PIA; the buyer's code
 * (IN, BP) and ours (SA) from LIN or PIA. PIA+3/+4 name a substitute, not the item, so they go to otherCodes.
 */
export function readItemIds(line: readonly Segment[]): ItemIds {
  const ids: ItemIds = { gtin: null, buyerCode: null, supplierCode: null, otherCodes: [] };
  const lin = line[0];
  const linCode = value(lin, 3, 1);
  if (linCode !== null) addCode(ids, linCode, value(lin, 3, 2));
  for (const s of line) {
    if (s.tag !== 'PIA') continue;
    const fn = value(s, 1, 1);
    for (let e = 2; e <= 6; e++) {
      const code = value(s, e, 1);
      if (code === null) continue;
      if (fn === '3' || fn === '4') ids.otherCodes.push({ code, type: `substitute-${fn === '3' ? 'by' : 'for'}:${value(s, e, 2) ?? ''}` });
      else addCode(ids, code, value(s, e, 2));
    }
  }
  return ids;
}

export type EdiQuantity = { qualifier: string; quantity: number; unit: string | null };

export function readQuantities(line: readonly Segment[]): EdiQuantity[] {
  const out: EdiQuantity[] = [];
  for (const s of line) {
    if (s.tag !== 'QTY') continue;
    const quantity = readEdiNumber(value(s, 1, 2));
    if (quantity !== null) out.push({ qualifier: value(s, 1, 1) ?? '', quantity, unit: value(s, 1, 3) });
  }
  return out;
}

export function quantityOf(quantities: readonly EdiQuantity[], qualifier: string): number | null {
  return quantities.find((q) => q.qualifier === qualifier)?.quantity ?? null;
}

export type EdiPrice = { qualifier: string; price: number; priceType: string | null; basis: number | null; unit: string | null };

export function readPrices(line: readonly Segment[]): EdiPrice[] {
  const out: EdiPrice[] = [];
  for (const s of line) {
    if (s.tag !== 'PRI') continue;
    const price = readEdiNumber(value(s, 1, 2));
    if (price !== null)
      out.push({
        qualifier: value(s, 1, 1) ?? '',
        price,
        priceType: value(s, 1, 3),
        basis: readEdiNumber(value(s, 1, 5)),
        unit: value(s, 1, 6),
      });
  }
  return out;
}

/** The net price (AAA) if sent, else the gross (AAB), else whatever price the line carries. */
export function unitPriceOf(prices: readonly EdiPrice[]): number | null {
  return (prices.find((p) => p.qualifier === 'AAA') ?? prices.find((p) => p.qualifier === 'AAB') ?? prices[0])?.price ?? null;
}

export function readAmounts(segments: readonly Segment[]): Map<string, number> {
  const amounts = new Map<string, number>();
  for (const s of segments) {
    if (s.tag !== 'MOA') continue;
    const q = value(s, 1, 1);
    const amount = readEdiNumber(value(s, 1, 2));
    if (q !== null && amount !== null && !amounts.has(q)) amounts.set(q, amount);
  }
  return amounts;
}

/** FTX free text (C108, up to five lines), joined with spaces. */
export function readTexts(segments: readonly Segment[]): { subject: string | null; text: string }[] {
  const out: { subject: string | null; text: string }[] = [];
  for (const s of segments) {
    if (s.tag !== 'FTX') continue;
    const parts = [1, 2, 3, 4, 5].map((c) => value(s, 4, c)).filter((v) => v !== null);
    if (parts.length) out.push({ subject: value(s, 1, 1), text: parts.join(' ') });
  }
  return out;
}

/** IMD free description (C273 e3.4 and e3.5). */
export function readDescription(line: readonly Segment[]): string | null {
  for (const s of line) {
    if (s.tag !== 'IMD') continue;
    const parts = [value(s, 3, 4), value(s, 3, 5)].filter((v) => v !== null);
    if (parts.length) return parts.join(' ');
  }
  return null;
}

export function readLineNumber(lin: Segment): number | null {
  const n = readEdiNumber(value(lin, 1, 1));
  return n !== null && Number.isInteger(n) ? n : null;
}
