import type { IsoDate } from '../../core/calendar/dates.ts';
import { type Address, addressLines, type CompanyIdentity, companyHeader, legalFooter, MARGIN, startPdf } from '../documents/pdf.ts';

const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export type ContestLetterData = {
  company: CompanyIdentity;
  customer: Address & { code: string };
  noticeRef: string;
  date: IsoDate;
  subject: string;
  paragraphs: string[];
  signatory: string;
};

/**
 * The letter contesting a penalty notice, in French: our identity, the customer's address in the window, the date and
 * subject, the paragraphs built by core (the legal grounds with their figures), the signatory. Returns the PDF bytes.
 */
export async function renderContestLetter(d: ContestLetterData): Promise<Buffer> {
  const { doc, done } = await startPdf({ Title: d.subject.replace(/[’]/g, "'"), Subject: `Avis ${d.noticeRef}`, Keywords: d.noticeRef });
  companyHeader(doc, d.company);

  const cu = d.customer;
  doc.font('Helvetica-Bold').fontSize(10).text(cu.name, 320, 130, { width: 235 });
  doc.font('Helvetica').fontSize(10);
  for (const line of [`Service pénalités — compte ${cu.code}`, ...addressLines(cu)]) doc.text(line, 320, undefined, { width: 235 });

  doc.text(`${d.company.city}, le ${LONG_DATE.format(new Date(`${d.date}T00:00:00Z`))}`, 320, 220, { width: 235 });
  doc.font('Helvetica-Bold').fontSize(10).text(`Objet : ${d.subject}`, MARGIN, 260, { width: 515 });
  doc
    .font('Helvetica')
    .fontSize(9)
    .text('Lettre recommandée avec accusé de réception — copie par courriel', MARGIN, undefined, { width: 515 });
  doc.moveDown(1.2).fontSize(10);
  for (const p of d.paragraphs) {
    doc.text(p, MARGIN, undefined, { width: 515, align: 'justify' });
    doc.moveDown(0.6);
  }
  doc.moveDown(1).text(d.signatory, 320, undefined, { width: 235 });
  doc.text(`Administration des ventes — ${d.company.name}`, 320, undefined, { width: 235 });
  legalFooter(doc, d.company);
  doc.end();
  return done;
}
