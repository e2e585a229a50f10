import { hasValidGs1CheckDigit } from '../../catalog/packaging.ts';
import { formatEdiNumber } from '../numbers.ts';
import { dtm, type EnvelopeInput, type MessageInput, nad, type SegmentSpec, writeInterchange } from '../writer.ts';
import { itemSegments, type OutboundItem, qty } from './write-common.ts';

export type DespatchLineInput = OutboundItem & {
  quantity: number;
  unit?: string | null;
  orderedQuantity?: number | null;
  lot?: string | null;
  /** ISO date. */
  bestBefore?: string | null;
};

export type PalletInput = {
  /** SSCC-18 with a valid check digit (core/catalog/packaging.ts `sscc`). */
  sscc: string;
  grossWeightG?: number | null;
  lines: DespatchLineInput[];
};

export type DespatchAdviceMessageInput = {
  messageReference: string;
  /** Our delivery note number. */
  despatchNumber: string;
  documentDate: string;
  despatchDate?: string | null;
  /** Expected delivery (DTM+17). */
  deliveryDate?: string | null;
  orderNumber: string;
  orderDate?: string | null;
  buyer: string;
  supplier: string;
  deliveryPoint: string;
  /** The warehouse the goods leave from (NAD+SF). */
  shipFrom?: string | null;
  pallets: PalletInput[];
};

/** PAC type 201: the ISO 1000 × 1200 pallet code the EANCOM example uses for each pallet. */
const PALLET: (string | null)[] = ['201', null, '9'];

/**
 * DESADV (BGM 351) when an order ships: CPS 1 is the consignment, then one CPS per pallet under it, each with
 * PAC, MEA gross weight, PCI+33E and GIN+BJ (its SSCC), then the lines on that pallet with QTY+12 and, when
 * known, PCI+36E with DTM+361 best-before and GIN+BX lot (traceability asked by retailers).
 */
export function despatchAdviceMessage(advice: DespatchAdviceMessageInput): MessageInput {
  const body: SegmentSpec[] = [['BGM', '351', advice.despatchNumber, '9'], dtm('137', advice.documentDate)];
  if (advice.despatchDate) body.push(dtm('11', advice.despatchDate));
  if (advice.deliveryDate) body.push(dtm('17', advice.deliveryDate));
  body.push(['RFF', ['ON', advice.orderNumber]]);
  if (advice.orderDate) body.push(dtm('171', advice.orderDate));
  body.push(nad('BY', advice.buyer), nad('SU', advice.supplier), nad('DP', advice.deliveryPoint));
  if (advice.shipFrom) body.push(nad('SF', advice.shipFrom));
  body.push(['CPS', '1'], ['PAC', advice.pallets.length, null, PALLET]);
  let lines = 0;
  advice.pallets.forEach((pallet, k) => {
    if (pallet.sscc.length !== 18 || !hasValidGs1CheckDigit(pallet.sscc))
      throw new RangeError(`not an SSCC-18 with a valid check digit: ${pallet.sscc}`);
    body.push(['CPS', k + 2, '1'], ['PAC', 1, null, PALLET]);
    if (pallet.grossWeightG) body.push(['MEA', 'PD', 'AAB', ['KGM', formatEdiNumber(pallet.grossWeightG / 1000, 3)]]);
    body.push(['PCI', '33E'], ['GIN', 'BJ', pallet.sscc]);
    for (const line of pallet.lines) {
      lines++;
      body.push(...itemSegments(line), qty('12', line.quantity, line.unit));
      if (line.orderedQuantity !== null && line.orderedQuantity !== undefined) body.push(qty('21', line.orderedQuantity, line.unit));
      if (line.lot || line.bestBefore) {
        body.push(['PCI', '36E']);
        if (line.bestBefore) body.push(dtm('361', line.bestBefore));
        if (line.lot) body.push(['GIN', 'BX', line.lot]);
      }
    }
  });
  body.push(['CNT', ['2', lines]]);
  return { reference: advice.messageReference, type: 'DESADV', associationCode: 'EAN007', body };
}

export function writeDespatchAdvices(envelope: EnvelopeInput, advices: readonly DespatchAdviceMessageInput[]): string {
  return writeInterchange({ applicationReference: 'DESADV', ...envelope }, advices.map(despatchAdviceMessage));
}
