import type PdfKitClass from 'pdfkit';
/** What every printed document shares: A4, the margins, French numbers, addresses and the company's identity. */
export type Address = { name: string; street: string; postcode: string; city: string; country: string };
export type CompanyIdentity = Address & {
  siret: string | null;
  vatNumber: string | null;
  gln: string | null;
  phone: string | null;
  email: string | null;
  legalNotice: string | null;
};

export const MARGIN = 40;
export const PAGE_BOTTOM = 842 - 60;

/** French number formatting, with plain spaces: the standard PDF fonts have no narrow no-break space. */
// A PDF prints hundreds of figures: build each Intl formatter once, not per figure.
const NUMBER_FORMATS = new Map<number, Intl.NumberFormat>();
const RATE_FORMAT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

export function pdfNumber(value: number, decimals = 0): string {
  let format = NUMBER_FORMATS.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    NUMBER_FORMATS.set(decimals, format);
  }
  return format.format(value).replace(/[\u202f\u00a0]/g, ' ');
}

export function addressLines(a: Address): string[] {
  return [a.street, `${a.postcode} ${a.city}${a.country && a.country !== 'FR' ? ` (${a.country})` : ''}`];
}

/**
 * A new A4 document and the promise of its bytes once `doc.end()` is called. ASCII metadata stays readable in the
 * file. pdfkit (with its fonts' metrics, tens of MB) is loaded with the first document, not by every process that
 * imports a printing module: an EDI import or a CLI command that prints nothing never pays for it.
 */
export async function startPdf(info: PDFKit.DocumentInfo): Promise<{ doc: PDFKit.PDFDocument; done: Promise<Buffer> }> {
  const PDFDocument = await (pdfkit ??= import('pdfkit').then(({ default: P }) => keepFontMetrics(P)));
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Creator: 'Carnet', ...info } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

type PdfKit = typeof PdfKitClass;
let pdfkit: Promise<PdfKit> | null = null;

type AfmMetrics = { attributes: object; glyphWidths: object; boundingBoxes: object; kernPairs: object };
type AfmFontClass = { prototype: AfmMetrics & { parse: (this: AfmMetrics, contents: string) => void } };

/**
 * pdfkit parses a standard font's metrics (its AFM file, some 3,000 lines of regular expressions) again for every
 * document that uses the font: most of the time a one-page acknowledgement took. Parsed once per process instead:
 * the parser (reached through a font of a first document, as pdfkit does not export it) keeps what it read per
 * file; the tables are only read after parsing, so documents share them.
 */
function keepFontMetrics(PDFDocument: PdfKit): PdfKit {
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.font('Helvetica');
  const AfmFont = (probe as unknown as { _font: { font: { constructor: AfmFontClass } } })._font.font.constructor;
  const parse = AfmFont.prototype.parse;
  const parsed = new Map<string, AfmMetrics>();
  AfmFont.prototype.parse = function (this: AfmMetrics, contents: string) {
    const kept = parsed.get(contents);
    if (kept) {
      Object.assign(this, kept);
      return;
    }
    parse.call(this, contents);
    const { attributes, glyphWidths, boundingBoxes, kernPairs } = this;
    parsed.set(contents, { attributes, glyphWidths, boundingBoxes, kernPairs });
  };
  return PDFDocument;
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
  if (c.legalNotice)
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#444444')
      .text(c.legalNotice, MARGIN, Math.max(doc.y + 20, PAGE_BOTTOM), { width: 515, align: 'center' });
}

/** A rate in basis points as French print shows it: 550 → "5,5 %", 2000 → "20 %". */
export function pdfRate(basisPoints: number): string {
  return `${RATE_FORMAT.format(basisPoints / 100)} %`;
}

/** Cents as euros, French style: 123456 → "1 234,56 €" (the standard fonts carry the euro sign). */
export function pdfEuros(cents: number): string {
  return `${pdfNumber(cents / 100, 2)} €`;
}

// Singular and plural: French puts a quantity from 2 on in the plural ("1,5 tonne", "10 sacs").
const UNIT_LABELS: Record<string, readonly [string, string]> = {
  SAC: ['sac', 'sacs'],
  COLIS: ['colis', 'colis'],
  BIG_BAG: ['big bag', 'big bags'],
  TONNE: ['tonne', 'tonnes'],
  UNITE: ['unité', 'unités'],
};

/** The sale unit in words, agreed with the quantity; a unit the table does not know is printed as its code. */
export function unitLabel(saleUnit: string, quantity = 1): string {
  const words = UNIT_LABELS[saleUnit];
  return words ? words[Math.abs(quantity) >= 2 ? 1 : 0] : saleUnit;
}

/** The document's name, then its references (label : value), top right beside the company's block. */
export function titleBlock(doc: PDFKit.PDFDocument, title: string, fields: readonly (readonly [string, string])[], titleSize = 16): void {
  doc.font('Helvetica-Bold').fontSize(titleSize).text(title, 330, MARGIN, { width: 225, align: 'right' });
  doc.font('Helvetica').fontSize(9);
  for (const [label, value] of fields) doc.text(`${label} : ${value}`, 330, undefined, { width: 225, align: 'right' });
}

export type PartyBox = { title: string; lines: readonly string[] };

/** The two framed boxes under the header (who is billed, where it goes), side by side; returns the y below them. */
export function partyBoxes(doc: PDFKit.PDFDocument, left: PartyBox, right: PartyBox, height = 88): number {
  const top = Math.max(doc.y, 150) + 12;
  for (const [x, box] of [
    [MARGIN, left],
    [MARGIN + 265, right],
  ] as const) {
    doc.rect(x, top, 250, height).strokeColor('#888888').stroke();
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(box.title, x + 8, top + 6, { width: 234 });
    doc.font('Helvetica').fontSize(9);
    for (const l of box.lines) if (l) doc.text(l, x + 8, undefined, { width: 234 });
  }
  return top + height + 16;
}

/** The customer (sold-to) and the delivery point (ship-to) boxes every order document prints; returns the y below. */
export function customerAndDeliveryPoint(
  doc: PDFKit.PDFDocument,
  cu: Address & { code: string; vatNumber: string | null },
  dp: Address & { code: string; gln: string | null },
): number {
  return partyBoxes(
    doc,
    { title: 'Client', lines: [`${cu.name} (${cu.code})`, ...addressLines(cu), cu.vatNumber ? `TVA ${cu.vatNumber}` : ''] },
    { title: 'Lieu de livraison', lines: [`${dp.name} (${dp.code})`, ...addressLines(dp), dp.gln ? `GLN ${dp.gln}` : ''] },
  );
}

export type TableColumn = { title: string; width: number; align: 'left' | 'right' };

/**
 * A table across the 515 pt between the margins, its header repeated on every page. A row that would come within
 * `reserve` points of the page bottom goes to a new page, headed by `continuation` so that a separated page still
 * says which document it belongs to. Returns the y below the last row.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  top: number,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  options: { continuation: string; reserve: number },
): number {
  let y = top;
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(8.5);
    // A title may wrap in a narrow column: the rule goes under its last line, not through it.
    const height = Math.max(...columns.map((col) => doc.heightOfString(col.title, { width: col.width - 4 })));
    let x = MARGIN;
    for (const col of columns) {
      doc.text(col.title, x + 2, y, { width: col.width - 4, align: col.align });
      x += col.width;
    }
    y += height + 4;
    doc
      .moveTo(MARGIN, y - 3)
      .lineTo(MARGIN + 515, y - 3)
      .strokeColor('#000000')
      .stroke();
    doc.font('Helvetica').fontSize(8.5);
  };
  header();
  for (const cells of rows) {
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: columns[i].width - 4 }))) + 4;
    if (y + height > PAGE_BOTTOM - options.reserve) {
      doc.addPage();
      doc.font('Helvetica-Bold').fontSize(9).text(options.continuation, MARGIN, MARGIN);
      y = MARGIN + 20;
      header();
    }
    let x = MARGIN;
    cells.forEach((text, i) => {
      doc.text(text, x + 2, y, { width: columns[i].width - 4, align: columns[i].align });
      x += columns[i].width;
    });
    y += height;
  }
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + 515, y)
    .stroke();
  return y;
}
