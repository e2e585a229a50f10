import type { CreditNoteLine } from '../../core/complaints/resolution.ts';
import { formatFrenchLongDate } from '../../core/calendar/dates.ts';
import {
  type Address,
  addressLines,
  type CompanyIdentity,
  companyHeader,
  drawTable,
  legalFooter,
  MARGIN,
  partyBoxes,
  pdfEuros,
  pdfNumber,
  pdfRate,
  startPdf,
  titleBlock,
} from '../documents/pdf.ts';

export type CreditNoteData = {
  number: string;
  date: string;
  complaintNumber: string;
  orderNumber: string | null;
  reason: string;
  company: CompanyIdentity;
  customer: Address & { code: string; vatNumber: string | null };
  lines: readonly CreditNoteLine[];
  netCents: number;
  vatCents: number;
  grossCents: number;
};

/** The French credit note (avoir): who credits whom, for which complaint and order, the lines, VAT per rate. */
export async function renderCreditNote(d: CreditNoteData): Promise<Buffer> {
  const { doc, done } = await startPdf({ Title: `Avoir ${d.number}` });
  companyHeader(doc, d.company);
  titleBlock(doc, 'AVOIR', [
    ['N°', d.number],
    ['Date', formatFrenchLongDate(d.date)],
    ['Réclamation', d.complaintNumber],
    ...(d.orderNumber ? [['Commande', d.orderNumber] as const] : []),
  ]);
  const top = partyBoxes(
    doc,
    {
      title: 'Client',
      lines: [
        `${d.customer.name} (${d.customer.code})`,
        ...addressLines(d.customer),
        d.customer.vatNumber ? `TVA ${d.customer.vatNumber}` : '',
      ],
    },
    { title: 'Objet', lines: [`Avoir sur réclamation ${d.complaintNumber}`, d.reason] },
  );
  const bottom = drawTable(
    doc,
    top,
    [
      { title: 'Désignation', width: 295, align: 'left' },
      { title: 'Quantité', width: 70, align: 'right' },
      { title: 'TVA', width: 50, align: 'right' },
      { title: 'Montant HT', width: 100, align: 'right' },
    ],
    d.lines.map((l) => [l.label, l.quantity === null ? '' : pdfNumber(l.quantity), pdfRate(l.vatRateBp), pdfEuros(l.netCents)]),
    { continuation: `Avoir ${d.number} (suite)`, reserve: 80 },
  );
  doc.font('Helvetica').fontSize(10);
  for (const [label, cents, bold] of [
    ['Total HT', d.netCents, false],
    ['TVA', d.vatCents, false],
    ['Total TTC à votre crédit', d.grossCents, true],
  ] as const) {
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .text(`${label} : ${pdfEuros(cents)}`, MARGIN, undefined, { width: 515, align: 'right' });
  }
  doc
    .moveDown()
    .font('Helvetica')
    .fontSize(9)
    .text('Cet avoir sera déduit de votre prochain règlement.', MARGIN, Math.max(doc.y, bottom + 60));
  legalFooter(doc, d.company);
  doc.end();
  return done;
}
