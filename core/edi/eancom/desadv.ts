import { readDtmValue } from '../dates.ts';
import type { EdiMessage } from '../envelope.ts';
import { readEdiNumber } from '../numbers.ts';
import { type Segment, value } from '../segment.ts';
import { bodyOf, type EdiParty, quantityOf, readIsoDate, readItemIds, readLineNumber, readParties, readQuantities } from './common.ts';

export type EdiDespatchLine = {
  lineNumber: number | null;
  gtin: string | null;
  buyerCode: string | null;
  supplierCode: string | null;
  /** QTY+12 despatched. */
  quantity: number | null;
  /** QTY+21 ordered, when sent. */
  orderedQuantity: number | null;
  lot: string | null;
  bestBefore: string | null;
};

/** One CPS level: the consignment (no parent) or a pallet / package under it. */
export type EdiPackage = {
  sequence: string | null;
  parent: string | null;
  /** GIN+BJ. */
  sscc: string | null;
  /** MEA+PD+AAB in kilograms. */
  grossWeightKg: number | null;
  lines: EdiDespatchLine[];
};

export type EdiDespatchAdvice = {
  messageReference: string;
  despatchNumber: string | null;
  documentDate: string | null;
  despatchDate: string | null;
  deliveryDate: string | null;
  orderNumber: string | null;
  buyer: EdiParty | null;
  supplier: EdiParty | null;
  deliveryPoint: EdiParty | null;
  packages: EdiPackage[];
};

function readLine(segments: readonly Segment[]): EdiDespatchLine {
  const ids = readItemIds(segments);
  const quantities = readQuantities(segments);
  let lot: string | null = null;
  let bestBefore: string | null = null;
  for (const s of segments) {
    if (s.tag === 'GIN' && value(s, 1, 1) === 'BX') lot ??= value(s, 2, 1);
    if (s.tag === 'DTM' && value(s, 1, 1) === '361') bestBefore ??= readDtmValue(value(s, 1, 2), value(s, 1, 3))?.date ?? null;
  }
  return {
    lineNumber: readLineNumber(segments[0]),
    gtin: ids.gtin,
    buyerCode: ids.buyerCode,
    supplierCode: ids.supplierCode,
    quantity: quantityOf(quantities, '12'),
    orderedQuantity: quantityOf(quantities, '21'),
    lot,
    bestBefore,
  };
}

/** DESADV: the CPS hierarchy with each package's SSCC and the lines packed on it, lots and best-before dates. */
export function readDespatchAdvice(message: EdiMessage): EdiDespatchAdvice {
  const body = bodyOf(message);
  const firstCps = body.findIndex((s) => s.tag === 'CPS' || s.tag === 'LIN');
  const header = firstCps < 0 ? body : body.slice(0, firstCps);
  const parties = readParties(header);
  const bgm = header.find((s) => s.tag === 'BGM');
  const on = header.find((s) => s.tag === 'RFF' && value(s, 1, 1) === 'ON');
  const packages: EdiPackage[] = [];
  let pkg: EdiPackage | null = null;
  let line: Segment[] | null = null;
  const closeLine = () => {
    if (line && pkg) pkg.lines.push(readLine(line));
    line = null;
  };
  for (const s of firstCps < 0 ? [] : body.slice(firstCps)) {
    if (s.tag === 'CPS') {
      closeLine();
      pkg = { sequence: value(s, 1, 1), parent: value(s, 2, 1), sscc: null, grossWeightKg: null, lines: [] };
      packages.push(pkg);
    } else if (s.tag === 'LIN') {
      closeLine();
      if (!pkg) packages.push((pkg = { sequence: null, parent: null, sscc: null, grossWeightKg: null, lines: [] }));
      line = [s];
    } else if (line) {
      if (s.tag === 'CNT' || s.tag === 'UNS') closeLine();
      else line.push(s);
    } else if (pkg && s.tag === 'GIN' && value(s, 1, 1) === 'BJ') {
      pkg.sscc ??= value(s, 2, 1);
    } else if (pkg && s.tag === 'MEA' && value(s, 2, 1) === 'AAB') {
      pkg.grossWeightKg ??= readEdiNumber(value(s, 3, 2));
    }
  }
  closeLine();
  return {
    messageReference: message.header.reference,
    despatchNumber: bgm ? value(bgm, 2, 1) : null,
    documentDate: readIsoDate(header, '137'),
    despatchDate: readIsoDate(header, '11'),
    deliveryDate: readIsoDate(header, '17', '358', '2'),
    orderNumber: on ? value(on, 1, 2) : null,
    buyer: parties.get('BY') ?? null,
    supplier: parties.get('SU') ?? null,
    deliveryPoint: parties.get('DP') ?? null,
    packages,
  };
}
