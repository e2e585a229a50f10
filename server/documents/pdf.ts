import PDFDocument from 'pdfkit';

/** What every printed document shares: A4, the margins, French numbers, addresses and the company's identity. */
export type Address = { name: string; street: string; postcode: string; city: string; country: string };
export type CompanyIdentity = Address & { siret: string | null; vatNumber: string | null; gln: string | null; phone: string | null; email: string | null; legalNotice: string | null };

export const MARGIN = 40;
export const PAGE_BOTTOM = 842 - 60;

/** French number formatting, with plain spaces: the standard PDF fonts have no narrow no-break space. */
export function pdfNumber(value: number, decimals = 0): string {
  return new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value).replace(/[\u202f\u00a0]/g, ' ');
}

export function addressLines(a: Address): string[] {
  return [a.street, `${a.postcode} ${a.city}${a.country && a.country !== 'FR' ? ` (${a.country})` : ''}`];
}

/** A new A4 document and the promise of its bytes once `doc.end()` is called. ASCII metadata stays readable in the file. */
export function startPdf(info: PDFKit.DocumentInfo): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Creator: 'Carnet', ...info } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** The sender's block, top left, with the legal identity a French commercial document must carry. */
export function companyHeader(doc: PDFKit.PDFDocument, c: CompanyIdentity): void {
  doc.font('Helvetica-Bold').fontSize(13).text(c.name, MARGIN, MARGIN, { width: 280 });
  doc.font('Helvetica').fontSize(9);
  for (const line of [
    ...addressLines(c),
    [c.phone && `Tél. ${c.phone}`, c.email].filter(Boolean).join(' — '),
    [c.siret && `SIRET ${c.siret}`, c.vatNumber && `TVA ${c.vatNumber}`].filter(Boolean).join(' — '),
    c.gln ? `GLN ${c.gln}` : '',
  ].filter(Boolean)) {
    doc.text(line, { width: 280 });
  }
}

/** The company's legal notice, small, at the foot of the last page. */
export function legalFooter(doc: PDFKit.PDFDocument, c: CompanyIdentity): void {
  if (c.legalNotice) doc.font('Helvetica').fontSize(7).fillColor('#444444').text(c.legalNotice, MARGIN, Math.max(doc.y + 20, PAGE_BOTTOM), { width: 515, align: 'center' });
}
