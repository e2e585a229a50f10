import { formatFrenchDate, type IsoDate } from '../../core/calendar/dates.ts';
import {
  type Address,
  type CompanyIdentity,
  companyHeader,
  customerAndDeliveryPoint,
  drawTable,
  legalFooter,
  MARGIN,
  pdfNumber as number,
  startPdf,
  type TableColumn,
  titleBlock,
  unitLabel,
} from '../documents/pdf.ts';

export type DeliveryNoteData = {
  company: CompanyIdentity;
  customer: Address & { code: string; vatNumber: string | null };
  deliveryPoint: Address & { code: string; gln: string | null; unloadingNotes: string | null };
  deliveryNoteNumber: string;
  deliveryNumber: string;
  shippedOn: IsoDate;
  plannedDate: IsoDate | null;
  warehouseName: string;
  orderNumber: string;
  customerRef: string | null;
  /** `lots`: what left of each lot (FEFO at shipping); a null lot is stock no lot on file accounts for. */
  lines: {
    code: string;
    name: string;
    quantity: number;
    saleUnit: string;
    pallets: number | null;
    weightG: number;
    lots: { lot: string | null; bestBefore: IsoDate | null; quantity: number }[];
  }[];
  totals: { pallets: number; weightG: number };
};

// Code, designation, lots with their best-before date (food traceability), quantity, unit, pallets, weight: widths
// sum to the 515 pt between the margins.
const COLUMNS: readonly TableColumn[] = [
  { title: 'Code', width: 72, align: 'left' },
  { title: 'Désignation', width: 148, align: 'left' },
  { title: 'Lot · DDM', width: 112, align: 'left' },
  { title: 'Quantité', width: 44, align: 'right' },
  { title: 'Unité', width: 36, align: 'left' },
  { title: 'Palettes', width: 38, align: 'right' },
  { title: 'Poids brut (kg)', width: 65, align: 'right' },
];

/** 09/10/2026: a DDM as printed on the packs, without the weekday. */
const printedDate = (date: IsoDate) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** One lot a line: its number and DDM, with its quantity when the line took several. */
function lotCell(lots: DeliveryNoteData['lines'][number]['lots']): string {
  if (lots.length === 0) return '—';
  return lots
    .map((l) => {
      const name = l.lot === null ? 'sans lot' : `${l.lot} · ${l.bestBefore ? printedDate(l.bestBefore) : '—'}`;
      return lots.length > 1 ? `${name} (${number(l.quantity)})` : name;
    })
    .join('\n');
}

/**
 * The delivery note (bon de livraison) that travels with the goods, in French: who ships (with the legal identity a
 * French commercial document must carry), to whom and where, which order, and what is on the truck. Returns the PDF
 * bytes; storing them is the caller's business.
 */
export async function renderDeliveryNote(d: DeliveryNoteData): Promise<Buffer> {
  // The metadata lets a stored note be traced to its order without parsing streams.
  const { doc, done } = await startPdf({
    Title: `Bon de livraison ${d.deliveryNoteNumber}`,
    Subject: `Commande ${d.orderNumber}`,
    Keywords: `${d.deliveryNoteNumber} ${d.orderNumber}`,
  });
  const c = d.company;
  companyHeader(doc, c);

  titleBlock(doc, 'BON DE LIVRAISON', [
    ['N° de BL', d.deliveryNoteNumber],
    ['Date d’expédition', formatFrenchDate(d.shippedOn)],
    ['Livraison prévue', d.plannedDate ? formatFrenchDate(d.plannedDate) : '—'],
    ['Commande', d.orderNumber],
    ['Réf. commande client', d.customerRef ?? '—'],
    ['Livraison', d.deliveryNumber],
    ['Expédié depuis', d.warehouseName],
  ]);

  const dp = d.deliveryPoint;
  const tableTop = customerAndDeliveryPoint(doc, d.customer, dp);
  const rows = d.lines.map((line) => [
    line.code,
    line.name,
    lotCell(line.lots),
    number(line.quantity),
    unitLabel(line.saleUnit, line.quantity),
    line.pallets === null ? '—' : number(line.pallets, 2),
    number(line.weightG / 1000, 1),
  ]);
  const tableEnd = drawTable(doc, tableTop, COLUMNS, rows, {
    continuation: `Bon de livraison ${d.deliveryNoteNumber} (suite) — commande ${d.orderNumber}`,
    reserve: 120,
  });
  doc
    .font('Helvetica-Bold')
    .text(
      `Total : ${d.lines.length} ligne${d.lines.length > 1 ? 's' : ''} — ${number(d.totals.pallets, 2)} palette(s) — ${number(d.totals.weightG / 1000, 1)} kg brut`,
      MARGIN,
      tableEnd + 6,
      { width: 515, align: 'right' },
    );

  let y = doc.y + 14;
  if (dp.unloadingNotes) {
    doc.font('Helvetica').fontSize(8.5).text(`Consignes de déchargement : ${dp.unloadingNotes}`, MARGIN, y, { width: 515 });
    y = doc.y + 10;
  }
  doc.rect(MARGIN, y, 250, 78).stroke();
  doc.rect(MARGIN + 265, y, 250, 78).stroke();
  doc
    .font('Helvetica-Bold')
    .fontSize(8.5)
    .text('Réserves à la réception', MARGIN + 8, y + 6);
  doc.text('Date, signature et cachet du destinataire', MARGIN + 273, y + 6);
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .text(
      'Toute réserve doit être portée sur ce bon et confirmée au transporteur par lettre recommandée dans les trois jours (art. L. 133-3 du Code de commerce).',
      MARGIN + 8,
      y + 44,
      { width: 234 },
    );

  legalFooter(doc, c);
  doc.end();
  return done;
}
