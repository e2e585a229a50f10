import { formatFrenchDate, type IsoDate } from '../../core/calendar/dates.ts';
import type { LineDiscount } from '../../core/orders/line-discount.ts';
import type { VatBreakdown } from '../../core/orders/totals.ts';
import {
  type Address,
  type CompanyIdentity,
  companyHeader,
  customerAndDeliveryPoint,
  drawTable,
  legalFooter,
  MARGIN,
  PAGE_BOTTOM,
  pdfEuros as euros,
  pdfNumber as number,
  pdfRate as rate,
  startPdf,
  type TableColumn,
  titleBlock,
  unitLabel,
} from './pdf.ts';

export type OrderAcknowledgementData = {
  company: CompanyIdentity;
  customer: Address & { code: string; vatNumber: string | null };
  deliveryPoint: Address & { code: string; gln: string | null };
  orderNumber: string;
  /** 1 for the first acknowledgement of the order; each later one cancels and replaces the one before. */
  version: number;
  orderDate: IsoDate;
  issuedOn: IsoDate;
  customerRef: string | null;
  channelLabel: string;
  requestedDate: IsoDate | null;
  promisedDate: IsoDate | null;
  lines: {
    code: string;
    name: string;
    quantity: number;
    freeQuantity: number;
    saleUnit: string;
    unitPriceCents: number;
    netCents: number;
    vatRateBp: number;
    /** What the price took off, and which promotion; null at the gross price. */
    discount: LineDiscount | null;
  }[];
  charges: { label: string; netCents: number; vatRateBp: number }[];
  totals: { goodsNetCents: number; chargesNetCents: number; netCents: number; vat: VatBreakdown[]; vatCents: number; grossCents: number };
  paymentTerms: string;
  /** The terms of sale in force on the order date, by name; null when none is on file. */
  termsOfSale: { name: string; validFrom: IsoDate } | null;
};

// Code, designation, quantity, unit, gross unit price, discount, net amount, VAT: widths sum to the 515 pt between
// the margins. Gross × quantity − discount = net on every line, so the customer can check the document.
const COLUMNS: readonly TableColumn[] = [
  { title: 'Code', width: 72, align: 'left' },
  { title: 'Désignation', width: 153, align: 'left' },
  { title: 'Quantité', width: 45, align: 'right' },
  { title: 'Unité', width: 35, align: 'left' },
  { title: 'PU brut HT', width: 55, align: 'right' },
  { title: 'Remise', width: 55, align: 'right' },
  { title: 'Montant net HT', width: 65, align: 'right' },
  { title: 'TVA', width: 35, align: 'right' },
];

/**
 * The order acknowledgement (accusé de réception de commande, ARC) sent to the customer when the order is
 * confirmed, in French: who sells (with its legal identity), to whom and where, the order's references and dates,
 * the lines at their prices, the charges, the totals with the VAT per rate, the payment terms and the terms of sale
 * it is accepted under. Returns the PDF bytes; storing them is the caller's business.
 */
export async function renderOrderAcknowledgement(d: OrderAcknowledgementData): Promise<Buffer> {
  const title = `Accusé de réception de commande ${d.orderNumber}${d.version > 1 ? ` (version ${d.version})` : ''}`;
  // ASCII metadata stays readable in the file: a stored ARC can be traced to its order without parsing streams.
  const { doc, done } = await startPdf({ Title: title, Subject: `Commande ${d.orderNumber}`, Keywords: `ARC ${d.orderNumber}` });
  const c = d.company;
  companyHeader(doc, c);

  titleBlock(
    doc,
    'ACCUSÉ DE RÉCEPTION DE COMMANDE',
    [
      ['N° de commande', d.orderNumber],
      ...(d.version > 1 ? [['Version', `${d.version} du ${formatFrenchDate(d.issuedOn)}`] as const] : []),
      ['Date de commande', formatFrenchDate(d.orderDate)],
      ['Réf. commande client', d.customerRef ?? '—'],
      ['Reçue par', d.channelLabel],
      ['Livraison souhaitée', d.requestedDate ? formatFrenchDate(d.requestedDate) : '—'],
      ['Livraison promise', d.promisedDate ? formatFrenchDate(d.promisedDate) : '—'],
    ],
    13,
  );

  const tableTop = customerAndDeliveryPoint(doc, d.customer, d.deliveryPoint);

  if (d.version > 1) {
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(`Cet accusé de réception (version ${d.version}) annule et remplace le précédent.`, MARGIN, tableTop - 12, { width: 515 });
  }

  // A hyphen, not the minus sign: the PDF's standard fonts (WinAnsi) have no U+2212.
  const rows = [
    ...d.lines.map((l) => [
      l.code,
      [
        l.freeQuantity > 0 ? `${l.name} (+ ${number(l.freeQuantity)} gratuit${l.freeQuantity > 1 ? 's' : ''})` : l.name,
        ...(l.discount?.parts ?? []).map((p) =>
          p.kind === 'promotion' ? `Promotion ${l.discount!.promotionName} : -${rate(p.rateBp)}` : `Remise de volume : -${rate(p.rateBp)}`,
        ),
        l.discount && l.discount.parts.length === 0 && l.discount.promotionName ? `Promotion ${l.discount.promotionName}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
      number(l.quantity),
      unitLabel(l.saleUnit, l.quantity),
      euros(l.unitPriceCents),
      l.discount && l.discount.amountCents > 0 ? `-${euros(l.discount.amountCents)}` : '',
      euros(l.netCents),
      rate(l.vatRateBp),
    ]),
    ...d.charges.map((ch) => ['', ch.label, '', '', '', '', euros(ch.netCents), rate(ch.vatRateBp)]),
  ];
  const continuation = `Accusé de réception de commande ${d.orderNumber} (suite)`;
  let y = drawTable(doc, d.version > 1 ? tableTop + 6 : tableTop, COLUMNS, rows, { continuation, reserve: 170 });

  // Totals, right-aligned under the amounts: goods, charges, net, VAT per rate on its base, gross.
  const t = d.totals;
  const totalLines: [string, string, boolean][] = [
    ...(t.chargesNetCents !== 0
      ? ([
          ['Total marchandises HT', euros(t.goodsNetCents), false],
          ['Frais HT', euros(t.chargesNetCents), false],
        ] as [string, string, boolean][])
      : []),
    ['Total HT', euros(t.netCents), true],
    ...t.vat.map((v): [string, string, boolean] => [`TVA ${rate(v.rateBp)} sur ${euros(v.baseCents)}`, euros(v.vatCents), false]),
    ['Total TTC', euros(t.grossCents), true],
  ];
  y += 6;
  for (const [label, value, bold] of totalLines) {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    doc.text(label, MARGIN + 235, y, { width: 200, align: 'right' });
    doc.text(value, MARGIN + 440, y, { width: 75, align: 'right' });
    y += 13;
  }

  y += 10;
  doc.font('Helvetica').fontSize(8.5);
  const notes = [
    `Conditions de paiement : ${d.paymentTerms}.`,
    d.promisedDate
      ? `Livraison promise le ${formatFrenchDate(d.promisedDate)} au lieu de livraison ci-dessus, sous réserve des capacités d’accès et de déchargement convenues.`
      : 'Date de livraison à confirmer par notre administration des ventes.',
    d.termsOfSale
      ? `Commande acceptée aux conditions générales de vente « ${d.termsOfSale.name} » en vigueur depuis le ${d.termsOfSale.validFrom.split('-').reverse().join('/')}, communiquées au client et disponibles sur simple demande, et aux conditions particulières convenues avec lui.`
      : 'Commande acceptée aux conditions générales de vente en vigueur, disponibles sur simple demande, et aux conditions particulières convenues avec le client.',
    'Merci de vérifier cet accusé de réception et de nous signaler toute différence dès sa réception.',
  ];
  for (const note of notes) {
    if (y + doc.heightOfString(note, { width: 515 }) > PAGE_BOTTOM - 20) {
      doc.addPage();
      y = MARGIN;
    }
    doc.text(note, MARGIN, y, { width: 515 });
    y = doc.y + 4;
  }

  legalFooter(doc, c);
  doc.end();
  return done;
}
