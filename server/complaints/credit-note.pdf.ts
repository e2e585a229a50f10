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
  /** A credit note (avoir), or a corrective invoice (facture rectificative) charging what was invoiced too little. */
  kind?: 'credit-note' | 'corrective-invoice';
  number: string;
  date: string;
  /** What it is issued for: a complaint, or the invoice it corrects (a control's discrepancy), or both. */
  complaintNumber: string | null;
  correctedInvoice?: { number: string | null; date: string | null } | null;
  orderNumber: string | null;
  reason: string;
  company: CompanyIdentity;
  customer: Address & { code: string; vatNumber: string | null };
  /** With a unit price, the table prints it (quantity × unit price = amount). */
  lines: readonly (CreditNoteLine & { unitPriceCents?: number })[];
  netCents: number;
  vatCents: number;
  grossCents: number;
};

const invoiceRef = (i: { number: string | null; date: string | null }) =>
  `${i.number ?? 'sans numéro'}${i.date ? ` du ${formatFrenchLongDate(i.date)}` : ''}`;

/**
 * The French credit note (avoir) or corrective invoice: who credits (or charges) whom, for which complaint or which
 * invoice (its number and date, as the law asks of a correcting document), the order, the lines, VAT per rate.
 */
export async function renderCreditNote(d: CreditNoteData): Promise<Buffer> {
  const invoice = d.kind === 'corrective-invoice';
  const name = invoice ? 'Facture rectificative' : 'Avoir';
  const { doc, done } = await startPdf({ Title: `${name} ${d.number}` });
  companyHeader(doc, d.company);
  titleBlock(doc, invoice ? 'FACTURE RECTIFICATIVE' : 'AVOIR', [
    ['N°', d.number],
    ['Date', formatFrenchLongDate(d.date)],
    ...(d.complaintNumber ? [['Réclamation', d.complaintNumber] as const] : []),
    ...(d.correctedInvoice ? [['Facture rectifiée', invoiceRef(d.correctedInvoice)] as const] : []),
    ...(d.orderNumber ? [['Commande', d.orderNumber] as const] : []),
  ]);
  const subject = d.correctedInvoice
    ? `${name} de la facture n° ${invoiceRef(d.correctedInvoice)}`
    : `Avoir sur réclamation ${d.complaintNumber ?? ''}`;
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
    { title: 'Objet', lines: [subject, d.reason] },
  );
  const priced = d.lines.some((l) => l.unitPriceCents !== undefined);
  const bottom = drawTable(
    doc,
    top,
    [
      { title: 'Désignation', width: priced ? 215 : 295, align: 'left' },
      { title: 'Quantité', width: 70, align: 'right' },
      ...(priced ? [{ title: 'P.U. HT', width: 80, align: 'right' as const }] : []),
      { title: 'TVA', width: 50, align: 'right' },
      { title: 'Montant HT', width: 100, align: 'right' },
    ],
    d.lines.map((l) => [
      l.label,
      l.quantity === null ? '' : pdfNumber(l.quantity),
      ...(priced ? [l.unitPriceCents === undefined ? '' : pdfEuros(l.unitPriceCents)] : []),
      pdfRate(l.vatRateBp),
      pdfEuros(l.netCents),
    ]),
    { continuation: `${name} ${d.number} (suite)`, reserve: 80 },
  );
  doc.font('Helvetica').fontSize(10);
  for (const [label, cents, bold] of [
    ['Total HT', d.netCents, false],
    ['TVA', d.vatCents, false],
    [invoice ? 'Total TTC à payer' : 'Total TTC à votre crédit', d.grossCents, true],
  ] as const) {
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .text(`${label} : ${pdfEuros(cents)}`, MARGIN, undefined, { width: 515, align: 'right' });
  }
  doc
    .moveDown()
    .font('Helvetica')
    .fontSize(9)
    .text(
      invoice
        ? "Payable aux conditions de la facture rectifiée. En cas de retard de paiement : pénalités au taux d'intérêt légal majoré de 10 points et indemnité forfaitaire pour frais de recouvrement de 40 € (art. L441-10 du Code de commerce)."
        : 'Cet avoir sera déduit de votre prochain règlement.',
      MARGIN,
      Math.max(doc.y, bottom + 60),
    );
  legalFooter(doc, d.company);
  doc.end();
  return done;
}
