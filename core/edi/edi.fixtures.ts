import type { OrderMessageInput } from './eancom/write-orders.ts';
import type { EnvelopeInput } from './writer.ts';

/** Moulins Delaunay and Cap Marché, as in server/demo/demo-data.json. */
export const MOULINS_GLN = '3012345000017';
export const CAP_MARCHE_GLN = '3021000000019';
export const CAP_MARCHE_SARAN_GLN = '3021000001023';

export const capMarcheEnvelope: EnvelopeInput = {
  sender: CAP_MARCHE_GLN,
  recipient: MOULINS_GLN,
  reference: 'CM000123',
  date: '2026-01-19',
  time: '08:12',
};

export const capMarcheOrder: OrderMessageInput = {
  messageReference: 'M1',
  orderNumber: 'CM-PO-771201',
  documentDate: '2026-01-19',
  deliveryDate: '2026-01-21',
  deliveryTime: '06:00',
  buyer: CAP_MARCHE_GLN,
  supplier: MOULINS_GLN,
  deliveryPoint: CAP_MARCHE_SARAN_GLN,
  invoicee: CAP_MARCHE_GLN,
  currency: 'EUR',
  deliveryRequirement: 'SC',
  note: "Livraison quai 4 — RDV confirmé ; l'étiquette SSCC est obligatoire: merci + 'vite'?",
  lines: [
    { lineNumber: 1, gtin: '3012345001212', buyerCode: 'CM-204511', description: 'Farine T45 1 kg', quantity: 160, unitPriceCents: 720 },
    { lineNumber: 2, gtin: '3012345001229', buyerCode: 'CM-204512', quantity: 160, unitPriceCents: 670, freeQuantity: 8 },
    {
      lineNumber: 3,
      gtin: '13012345002018',
      buyerCode: 'CM-301877',
      supplierCode: 'SUC-CRI-1KG',
      quantity: 18,
      unit: 'CT',
      unitPriceCents: 9400,
      deliveryDate: '2026-01-22',
    },
  ],
};

/** A hand-written interchange in the shape retailers send: UNA, CRLF, release characters, decimal comma. */
export const HAND_WRITTEN_ORDERS = [
  "UNA:+,? '",
  "UNB+UNOC:3+3021000000019:14+3012345000017:14+260119:0812+CM000124++ORDERS'",
  "UNH+1+ORDERS:D:96A:UN:EAN008'",
  "BGM+220+CM-PO-771202+9'",
  "DTM+137:20260119:102'",
  "DTM+64:20260121:102'",
  "DTM+63:20260122:102'",
  "FTX+AAI+++Quai 4?: appeler avant ?+ 30 min:l?'entrepôt ferme à 13h'",
  "NAD+BY+3021000000019::9'",
  "NAD+SU+3012345000017::9'",
  "NAD+DP+3021000001023::9'",
  "CUX+2:EUR:9'",
  "LIN+1++3012345001212:EN'",
  "PIA+1+CM-204511:IN::92'",
  "QTY+21:160'",
  "PRI+AAA:7,2'",
  "LIN+2'",
  "PIA+5+CM-301877:IN::92+SUC-CRI-1KG:SA::91'",
  "QTY+21:12,5:KGM'",
  "UNS+S'",
  "CNT+2:2'",
  "UNT+20+1'",
  "UNZ+1+CM000124'",
].join('\r\n');

/** One line of a receiving advice as Cap Marché's platform writes it: the item by GTIN and its own code. */
export type ReceiptLineFixture = { gtin: string; buyerCode?: string; supplierCode?: string; despatched: number; accepted: number };

/**
 * A RECADV interchange (EANCOM D.96A EAN003) from Cap Marché, shaped as partners' real files are (UNA, one segment
 * a line, the parties, the consignment, LIN by GTIN then PIA, QTY+12 despatched, 194 accepted, 195 refused):
 * what it received against our delivery note `despatchNumber` for its order `orderNumber`.
 */
export function capMarcheReceivingAdvice(r: {
  reference: string;
  receiptNumber: string;
  date: string;
  despatchNumber: string | null;
  orderNumber: string | null;
  lines: readonly ReceiptLineFixture[];
}): string {
  const d = r.date.replaceAll('-', '');
  const body = [
    `BGM+632+${r.receiptNumber}+9'`,
    `DTM+137:${d}:102'`,
    `DTM+50:${d}:102'`,
    ...(r.orderNumber ? [`RFF+ON:${r.orderNumber}'`] : []),
    ...(r.despatchNumber ? [`RFF+AAK:${r.despatchNumber}'`] : []),
    `NAD+BY+${CAP_MARCHE_GLN}::9'`,
    `NAD+SU+${MOULINS_GLN}::9'`,
    `NAD+DP+${CAP_MARCHE_SARAN_GLN}::9'`,
    "CPS+1'",
    ...r.lines.flatMap((l, i) => [
      `LIN+${i + 1}++${l.gtin}:EN'`,
      ...(l.buyerCode ? [`PIA+1+${l.buyerCode}:IN::92'`] : []),
      ...(l.supplierCode ? [`PIA+5+${l.supplierCode}:SA::91'`] : []),
      `QTY+12:${l.despatched}'`,
      `QTY+194:${l.accepted}'`,
      ...(l.despatched > l.accepted ? [`QTY+195:${l.despatched - l.accepted}'`] : []),
    ]),
  ];
  return [
    "UNA:+.? '",
    `UNB+UNOC:3+${CAP_MARCHE_GLN}:14+${MOULINS_GLN}:14+${d.slice(2)}:1015+${r.reference}'`,
    `UNH+RA1+RECADV:D:96A:UN:EAN003'`,
    ...body,
    `UNT+${body.length + 2}+RA1'`,
    `UNZ+1+${r.reference}'`,
  ].join('\n');
}
