import { formatCents, formatEdiNumber } from '../numbers.ts';
import type { Element, SegmentSpec } from '../writer.ts';

/** How an outbound line names the item: our GTIN, and the partner's code echoed back (EANCOM.md § 8.3). */
export type OutboundItem = {
  lineNumber: number;
  gtin: string;
  buyerCode?: string | null;
  supplierCode?: string | null;
  description?: string | null;
};

/** LIN with the GTIN (type EN, as D.96A EANCOM writes it), PIA+1 with our code (SA) and the buyer's (IN), IMD. */
export function itemSegments(item: OutboundItem, action: string | null = null): SegmentSpec[] {
  const out: SegmentSpec[] = [['LIN', item.lineNumber, action, [item.gtin, 'EN']]];
  const codes: Element[] = [];
  if (item.supplierCode) codes.push([item.supplierCode, 'SA', null, '91']);
  if (item.buyerCode) codes.push([item.buyerCode, 'IN', null, '92']);
  if (codes.length) out.push(['PIA', '1', ...codes]);
  if (item.description)
    out.push(['IMD', 'F', null, [null, null, null, item.description.slice(0, 35), item.description.slice(35, 70) || null]]);
  return out;
}

export function qty(qualifier: string, quantity: number, unit?: string | null): SegmentSpec {
  return ['QTY', [qualifier, formatEdiNumber(quantity), unit ?? null]];
}

export function moa(qualifier: string, cents: number): SegmentSpec {
  return ['MOA', [qualifier, formatCents(cents)]];
}

/** PRI+AAA: the net unit price, from integer cents. */
export function netPrice(unitPriceCents: number): SegmentSpec {
  return ['PRI', ['AAA', formatCents(unitPriceCents)]];
}

/**
 * FTX free text in the five 70-character lines of C108, cut at spaces: readers join the lines with one space,
 * so the text comes back as written.
 */
export function freeText(subject: string, text: string): SegmentSpec {
  const parts: string[] = [];
  let rest = text;
  while (rest.length && parts.length < 5) {
    if (rest.length <= 70) {
      parts.push(rest);
      break;
    }
    const space = rest.lastIndexOf(' ', 70);
    const cut = space > 0 ? space : 70;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(space > 0 ? cut + 1 : cut);
  }
  return ['FTX', subject, null, null, parts];
}
