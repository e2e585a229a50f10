import { writeInterchange, type EnvelopeInput } from '../../core/edi/writer.ts';
import { ordersMessage, type OrderLineInput, type OrderMessageInput } from '../../core/edi/eancom/write-orders.ts';

/** Moulins Delaunay's retail customers as their EDI names them (server/demo/demo-data.json): GLNs and their codes. */
export const MOULINS_GLN = '3012345000017';

type DemoItem = { gtin: string; caseGtin: string; code: string; ours: string };
const FAR_T45: Omit<DemoItem, 'code'> = { gtin: '3012345001212', caseGtin: '13012345001219', ours: 'FAR-T45-1KG' };
const FAR_T55: Omit<DemoItem, 'code'> = { gtin: '3012345001229', caseGtin: '13012345001226', ours: 'FAR-T55-1KG' };
const SUC_CRI: Omit<DemoItem, 'code'> = { gtin: '3012345002011', caseGtin: '13012345002018', ours: 'SUC-CRI-1KG' };
const SUC_POU: Omit<DemoItem, 'code'> = { gtin: '3012345002028', caseGtin: '13012345002025', ours: 'SUC-POU-1KG' };

export type DemoPartner = {
  customer: string;
  gln: string;
  deliveryPoints: string[];
  items: DemoItem[];
  autoConfirm: boolean;
  folder: string;
};

export const DEMO_PARTNERS: DemoPartner[] = [
  {
    customer: 'C001',
    gln: '3021000000019',
    deliveryPoints: ['3021000001023'],
    items: [
      { ...FAR_T45, code: 'CM-204511' },
      { ...FAR_T55, code: 'CM-204512' },
      { ...SUC_CRI, code: 'CM-301877' },
      { ...SUC_POU, code: 'CM-301878' },
    ],
    autoConfirm: true,
    folder: 'c001',
  },
  {
    customer: 'C002',
    gln: '3022000000016',
    deliveryPoints: ['3022000001105'],
    items: [
      { ...FAR_T45, code: 'DO0045120' },
      { ...FAR_T55, code: 'DO0045121' },
      { ...SUC_CRI, code: 'DO0077002' },
    ],
    autoConfirm: true,
    folder: 'c002',
  },
  {
    customer: 'C003',
    gln: '3023000000013',
    deliveryPoints: ['3023000001072'],
    items: [
      { ...FAR_T45, code: 'ME-33451' },
      { ...SUC_CRI, code: 'ME-33710' },
    ],
    autoConfirm: false,
    folder: 'c003',
  },
  {
    customer: 'C004',
    gln: '3024000000010',
    deliveryPoints: ['3024000001208'],
    items: [
      { ...FAR_T55, code: 'PN7712' },
      { ...SUC_CRI, code: 'PN7840' },
    ],
    autoConfirm: false,
    folder: 'c004',
  },
];

/** How a generated line names its product: the three ways retailers do (GTIN-13, the case's GTIN-14, their own code). */
export type Naming = 'gtin' | 'case' | 'buyer';

export function demoLine(item: DemoItem, lineNumber: number, quantity: number, naming: Naming, unitPriceCents?: number): OrderLineInput {
  const base = { lineNumber, quantity, ...(unitPriceCents === undefined ? {} : { unitPriceCents }) };
  if (naming === 'gtin') return { ...base, gtin: item.gtin };
  if (naming === 'case') return { ...base, gtin: item.caseGtin, unit: 'CT' };
  // Only the customer's code: LIN+n++:EN with an empty GTIN, the item named by PIA+1 <code>:IN::92.
  return { ...base, gtin: '', buyerCode: item.code };
}

/** One ORDERS for a demo partner, its lines cycling through the partner's items and namings. */
export function demoOrder(partner: DemoPartner, n: number, documentDate: string, lines = 3): OrderMessageInput {
  const namings: Naming[] = ['gtin', 'case', 'buyer'];
  return {
    messageReference: String(n),
    orderNumber: `${partner.customer}-PO-${String(n).padStart(7, '0')}`,
    documentDate,
    buyer: partner.gln,
    supplier: MOULINS_GLN,
    deliveryPoint: partner.deliveryPoints[n % partner.deliveryPoints.length],
    invoicee: partner.gln,
    currency: 'EUR',
    lines: Array.from({ length: lines }, (_, i) =>
      demoLine(partner.items[(n + i) % partner.items.length], i + 1, 40 + 10 * ((n + i) % 5), namings[(n + i) % 3]),
    ),
  };
}

export function demoEnvelope(partner: DemoPartner, reference: string, date: string): EnvelopeInput {
  return { sender: partner.gln, recipient: MOULINS_GLN, reference, date, time: '06:30' };
}

/** The text of one interchange (UNA … UNZ) for the given orders. */
export function demoInterchange(partner: DemoPartner, reference: string, date: string, orders: OrderMessageInput[]): string {
  return writeInterchange({ applicationReference: 'ORDERS', ...demoEnvelope(partner, reference, date) }, orders.map(ordersMessage));
}
