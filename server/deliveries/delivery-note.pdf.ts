import { formatFrenchDate, type IsoDate } from '../../core/calendar/dates.ts';
import { type Address, addressLines, type CompanyIdentity, companyHeader, legalFooter, MARGIN, PAGE_BOTTOM, pdfNumber as number, startPdf } from '../documents/pdf.ts';

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
  lines: { code: string; name: string; quantity: number; saleUnit: string; pallets: number | null; weightG: number }[];
  totals: { pallets: number; weightG: number };
};

const UNIT_LABELS: Record<string, string> = { SAC: 'sac', COLIS: 'colis', BIG_BAG: 'big bag', TONNE: 'tonne', UNITE: 'unité' };
// Code, designation, quantity, unit, pallets, weight: widths sum to the 515 pt between the margins.
const COLUMNS = [
  { title: 'Code', width: 85, align: 'left' },
  { title: 'Désignation', width: 210, align: 'left' },
  { title: 'Quantité', width: 55, align: 'right' },
  { title: 'Unité', width: 50, align: 'left' },
  { title: 'Palettes', width: 50, align: 'right' },
  { title: 'Poids brut (kg)', width: 65, align: 'right' },
] as const;

/**
 * The delivery note (bon de livraison) that travels with the goods, in French: who ships (with the legal identity a
 * French commercial document must carry), to whom and where, which order, and what is on the truck. Returns the PDF
 * bytes; storing them is the caller's business.
 */
export function renderDeliveryNote(d: DeliveryNoteData): Promise<Buffer> {
  // The metadata lets a stored note be traced to its order without parsing streams.
  const { doc, done } = startPdf({ Title: `Bon de livraison ${d.deliveryNoteNumber}`, Subject: `Commande ${d.orderNumber}`, Keywords: `${d.deliveryNoteNumber} ${d.orderNumber}` });
  const c = d.company;
  companyHeader(doc, c);

  doc.font('Helvetica-Bold').fontSize(16).text('BON DE LIVRAISON', 330, MARGIN, { width: 225, align: 'right' });
  doc.font('Helvetica').fontSize(9);
  for (const [label, value] of [
    ['N° de BL', d.deliveryNoteNumber],
    ['Date d’expédition', formatFrenchDate(d.shippedOn)],
    ['Livraison prévue', d.plannedDate ? formatFrenchDate(d.plannedDate) : '—'],
    ['Commande', d.orderNumber],
    ['Réf. commande client', d.customerRef ?? '—'],
    ['Livraison', d.deliveryNumber],
    ['Expédié depuis', d.warehouseName],
  ] as const) {
    doc.text(`${label} : ${value}`, 330, undefined, { width: 225, align: 'right' });
  }

  const boxTop = Math.max(doc.y, 150) + 12;
  const box = (x: number, title: string, lines: string[]) => {
    doc.rect(x, boxTop, 250, 88).strokeColor('#888888').stroke();
    doc.font('Helvetica-Bold').fontSize(9).text(title, x + 8, boxTop + 6, { width: 234 });
    doc.font('Helvetica').fontSize(9);
    for (const l of lines) doc.text(l, x + 8, undefined, { width: 234 });
  };
  const cu = d.customer;
  const dp = d.deliveryPoint;
  box(MARGIN, 'Client', [`${cu.name} (${cu.code})`, ...addressLines(cu), cu.vatNumber ? `TVA ${cu.vatNumber}` : ''].filter(Boolean));
  box(MARGIN + 265, 'Lieu de livraison', [`${dp.name} (${dp.code})`, ...addressLines(dp), dp.gln ? `GLN ${dp.gln}` : ''].filter(Boolean));

  let y = boxTop + 104;
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(8.5);
    let x = MARGIN;
    for (const col of COLUMNS) {
      doc.text(col.title, x + 2, y, { width: col.width - 4, align: col.align });
      x += col.width;
    }
    y += 14;
    doc.moveTo(MARGIN, y - 3).lineTo(MARGIN + 515, y - 3).strokeColor('#000000').stroke();
    doc.font('Helvetica').fontSize(8.5);
  };
  header();
  for (const line of d.lines) {
    const cells = [line.code, line.name, number(line.quantity), UNIT_LABELS[line.saleUnit] ?? line.saleUnit, line.pallets === null ? '—' : number(line.pallets, 2), number(line.weightG / 1000, 1)];
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: COLUMNS[i].width - 4 }))) + 4;
    if (y + height > PAGE_BOTTOM - 120) {
      doc.addPage();
      // A continuation page must still say which note and order it belongs to if it is separated from the first.
      doc.font('Helvetica-Bold').fontSize(9).text(`Bon de livraison ${d.deliveryNoteNumber} (suite) — commande ${d.orderNumber}`, MARGIN, MARGIN);
      y = MARGIN + 20;
      header();
    }
    let x = MARGIN;
    cells.forEach((text, i) => {
      doc.text(text, x + 2, y, { width: COLUMNS[i].width - 4, align: COLUMNS[i].align });
      x += COLUMNS[i].width;
    });
    y += height;
  }
  doc.moveTo(MARGIN, y).lineTo(MARGIN + 515, y).stroke();
  doc.font('Helvetica-Bold').text(
    `Total : ${d.lines.length} ligne${d.lines.length > 1 ? 's' : ''} — ${number(d.totals.pallets, 2)} palette(s) — ${number(d.totals.weightG / 1000, 1)} kg brut`,
    MARGIN,
    y + 6,
    { width: 515, align: 'right' },
  );

  y = doc.y + 14;
  if (dp.unloadingNotes) {
    doc.font('Helvetica').fontSize(8.5).text(`Consignes de déchargement : ${dp.unloadingNotes}`, MARGIN, y, { width: 515 });
    y = doc.y + 10;
  }
  doc.rect(MARGIN, y, 250, 78).stroke();
  doc.rect(MARGIN + 265, y, 250, 78).stroke();
  doc.font('Helvetica-Bold').fontSize(8.5).text('Réserves à la réception', MARGIN + 8, y + 6);
  doc.text('Date, signature et cachet du destinataire', MARGIN + 273, y + 6);
  doc.font('Helvetica').fontSize(7.5).text(
    'Toute réserve doit être portée sur ce bon et confirmée au transporteur par lettre recommandée dans les trois jours (art. L. 133-3 du Code de commerce).',
    MARGIN + 8,
    y + 44,
    { width: 234 },
  );

  legalFooter(doc, c);
  doc.end();
  return done;
}
