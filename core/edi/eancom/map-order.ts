import { MAX_LINE_QUANTITY, MAX_ORDER_LINES, MAX_UNIT_PRICE_CENTS } from '../../orders/order-limits.ts';
import type { EdiMessage } from '../envelope.ts';
import { type Segment, value } from '../segment.ts';
import { splitLines, bodyOf } from './common.ts';
import type { EdiOrder, EdiOrderLine } from './orders.ts';
import { foreignParty, type GlnOwners, type PartnerScope } from './partner-scope.ts';
import { type EdiRefusal, refuseAt } from './refusal.ts';

/** What intake knows of our master data, looked up by the caller (cached per run): everything the mapping reads. */
export type MapLookups = GlnOwners & {
  customerByGln(gln: string): { id: number; code: string } | null;
  deliveryPointByGln(customerId: number, gln: string): { id: number } | null;
  productByGtin(gtin: string): MapProduct | null;
  productByCode(code: string): MapProduct | null;
  customerCode(customerId: number, code: string): { productId: number; unitFactor: number } | null;
};

export type MapProduct = { id: number; code: string; gtin: string | null; caseGtin: string | null; unitsPerCarton: number };

export type EdiIssueKind = 'unknown-customer' | 'unknown-delivery-point' | 'unknown-product' | 'bad-quantity' | 'not-for-us';

/** Why a message cannot become an order as it stands: each names the segment it comes from, for the queue. */
export type EdiIssue = {
  kind: EdiIssueKind;
  message: { fr: string; en: string };
  /** The line (LIN e1) and the code that matched nothing, for the one-click fixes. */
  lineNumber: number | null;
  code: string | null;
  /** An unknown product's line: its own free text (IMD), which the picker ranks our products by. */
  description?: string | null;
  /** 1-based index of the segment in the file (as the parser numbers them). */
  segmentIndex: number | null;
};

export type MappedLine = {
  lineNumber: number;
  productId: number;
  /** In our sale units, after case / unit conversion. */
  quantity: number;
  /** Our sale units in one unit the customer ordered in (a case): 1 when he ordered in ours. */
  unitFactor: number;
  expectedUnitPriceCents?: number;
  customerCode: string | null;
  gtin: string | null;
  /** Segment index range of the line in the file (LIN to the segment before the next LIN). */
  firstSegment: number;
  lastSegment: number;
};

export type MappedOrder = {
  customerId: number | null;
  deliveryPointId: number | null;
  requestedDate: string | null;
  customerRef: string | null;
  note: string | null;
  deliveryRequirement: string | null;
  lines: MappedLine[];
  issues: EdiIssue[];
  /** Set: the message is rejected as it stands (nothing for the queue to fix); the issues are then incomplete. */
  refusal: EdiRefusal | null;
};

/** The fixes a person made in the queue, replayed on the next mapping of the same message. */
export type MapOverrides = { deliveryPointId?: number };

function cents(price: number | null): number | undefined {
  return price === null ? undefined : Math.round(price * 100);
}

const REQUIREMENTS: Record<string, { fr: string; en: string }> = {
  SC: { fr: 'livraison complète exigée', en: 'ship complete' },
  BK: { fr: 'livraison partielle, reliquat accepté', en: 'partial with back order' },
  SP: { fr: 'livraison partielle, reste annulé', en: 'partial, cancel the rest' },
  IS: { fr: 'substitution acceptée', en: 'substitute allowed' },
  CD: { fr: 'annuler si non livré à date', en: 'cancel if not delivered by date' },
};

/** The delivery date the customer asks: DTM+2, else the start of his window, else its end. */
export function requestedDateOf(order: Pick<EdiOrder, 'deliveryDate' | 'earliestDelivery' | 'latestDelivery'>): string | null {
  return order.deliveryDate ?? order.earliestDelivery ?? order.latestDelivery;
}

/** LIN e1 (1082, n..6 in EANCOM): the buyer's line number, kept with the line and answered in the ORDRSP. */
const MAX_LINE_NUMBER = 999_999;

/** The segment a line's figure comes from: the first of the tag with one of the qualifiers, else the first of the tag. */
function sourceOf(segments: readonly Segment[], tag: string, qualifiers: readonly string[]): Segment | undefined {
  for (const q of qualifiers) {
    const s = segments.find((x) => x.tag === tag && value(x, 1, 1) === q);
    if (s) return s;
  }
  return segments.find((x) => x.tag === tag);
}

/**
 * A line's figures beyond what an order holds (the same bounds as a typed order's), or a line number beyond
 * what EANCOM writes: the message is refused. `quantity` is in our sale units (after the unit factor).
 */
function lineOutOfBounds(
  line: EdiOrderLine,
  segments: readonly Segment[],
  quantity: number,
  factor: number,
  unitPriceCents: number | undefined,
): EdiRefusal | null {
  const n = line.lineNumber;
  if (n !== null && (n < 0 || n > MAX_LINE_NUMBER))
    return refuseAt(
      'line-number-out-of-bounds',
      { found: n, limit: MAX_LINE_NUMBER },
      'line number out of bounds',
      segments[0],
      { element: 1, component: 1 },
      `a line number from 0 to ${MAX_LINE_NUMBER}`,
      String(n),
    );
  if (quantity > MAX_LINE_QUANTITY) {
    const qty = sourceOf(segments, 'QTY', ['21']) ?? segments[0];
    const unit = factor === 1 ? '' : ` (${factor} sale units each)`;
    return refuseAt(
      'quantity-out-of-bounds',
      { found: value(qty, 1, 2), limit: MAX_LINE_QUANTITY },
      'quantity out of bounds',
      qty,
      { element: 1, component: 2 },
      `at most ${MAX_LINE_QUANTITY} sale units on a line${unit}`,
      value(qty, 1, 2),
    );
  }
  if (unitPriceCents !== undefined && !(unitPriceCents >= 0 && unitPriceCents <= MAX_UNIT_PRICE_CENTS)) {
    const pri = sourceOf(segments, 'PRI', ['AAA', 'AAB']) ?? segments[0];
    return refuseAt(
      'price-out-of-bounds',
      { found: value(pri, 1, 2), limit: MAX_UNIT_PRICE_CENTS / 100 },
      'price out of bounds',
      pri,
      { element: 1, component: 2 },
      `a unit price from 0 to ${MAX_UNIT_PRICE_CENTS / 100}`,
      value(pri, 1, 2),
    );
  }
  return null;
}

/**
 * One ORDERS message, read by readOrder, to the body of an order (POST /api/orders) with the price the customer
 * expects on each line, or the issues that keep it from becoming one, or the refusal of the whole message. Pure:
 * the caller looks master data up. From a partner, the customer is the partner's: a message naming another
 * customer or another customer's delivery point is refused (NAD+BY only has to agree). Without one (the CLI, a
 * sender that is no partner), NAD+BY names the customer. NAD+DP (else NAD+ST) names the delivery point; each line
 * is found by the customer's own code (PIA IN/BP, with its unit factor), our GTIN-13, the case's GTIN-14
 * (× units per carton) or our article code (PIA SA), in that order. At most MAX_ORDER_LINES lines, each within the
 * typed order's quantity bound, with a price within what a price list holds.
 */
export function mapOrder(
  order: EdiOrder,
  message: EdiMessage,
  lookups: MapLookups,
  partner: PartnerScope | null,
  overrides: MapOverrides = {},
): MappedOrder {
  const issues: EdiIssue[] = [];
  const segs = bodyOf(message);
  const { header, lines: lineSegs } = splitLines(segs);
  const nadIndex = (q: string) => header.find((s) => s.tag === 'NAD' && s.elements[0]?.[0] === q)?.index ?? null;
  const refused = (refusal: EdiRefusal): MappedOrder => ({
    customerId: partner?.customerId ?? null,
    deliveryPointId: null,
    requestedDate: null,
    customerRef: null,
    note: null,
    deliveryRequirement: null,
    lines: [],
    issues,
    refusal,
  });

  if (lineSegs.length > MAX_ORDER_LINES) {
    return refused(
      refuseAt(
        'too-many-lines',
        { found: lineSegs.length, limit: MAX_ORDER_LINES },
        'too many lines',
        lineSegs[MAX_ORDER_LINES][0],
        null,
        `at most ${MAX_ORDER_LINES} lines (LIN) in one order`,
        `${lineSegs.length} lines`,
      ),
    );
  }
  const foreign = partner ? foreignParty(partner, lookups, segs) : null;
  if (foreign) return refused(foreign);

  let customerId: number | null = partner?.customerId ?? null;
  const buyerGln = order.buyer?.id ?? null;
  if (customerId === null && buyerGln) {
    const c = lookups.customerByGln(buyerGln);
    if (c) customerId = c.id;
    else
      issues.push({
        kind: 'unknown-customer',
        message: { fr: `Acheteur GLN ${buyerGln} inconnu`, en: `Unknown buyer GLN ${buyerGln}` },
        lineNumber: null,
        code: buyerGln,
        segmentIndex: nadIndex('BY'),
      });
  }
  if (customerId === null && !issues.length) {
    issues.push({
      kind: 'unknown-customer',
      message: { fr: 'Aucun acheteur (NAD+BY)', en: 'No buyer (NAD+BY)' },
      lineNumber: null,
      code: null,
      segmentIndex: null,
    });
  }

  let deliveryPointId: number | null = overrides.deliveryPointId ?? null;
  const dp = order.deliveryPoint;
  const dpGln = dp?.id ?? null;
  if (deliveryPointId === null && customerId !== null && dpGln) {
    deliveryPointId = lookups.deliveryPointByGln(customerId, dpGln)?.id ?? null;
    if (deliveryPointId === null) {
      issues.push({
        kind: 'unknown-delivery-point',
        message: {
          fr: `Point de livraison GLN ${dpGln} inconnu pour ce client`,
          en: `Delivery point GLN ${dpGln} is not one of this customer's`,
        },
        lineNumber: null,
        code: dpGln,
        segmentIndex: nadIndex(dp!.qualifier),
      });
    }
  }

  const lines: MappedLine[] = [];
  for (const [i, line] of order.lines.entries()) {
    const segments = lineSegs[i] ?? [];
    const first = segments[0]?.index ?? 0;
    const last = segments.at(-1)?.index ?? first;
    const lineNumber = line.lineNumber ?? i + 1;
    const qty = line.quantity;
    if (qty === null || !(qty > 0)) {
      const at = segments.find((s) => s.tag === 'QTY')?.index ?? first;
      issues.push({
        kind: 'bad-quantity',
        message: { fr: `Ligne ${lineNumber} : quantité absente ou nulle`, en: `Line ${lineNumber}: no quantity` },
        lineNumber,
        code: null,
        segmentIndex: at,
      });
      continue;
    }
    let productId: number | null = null;
    let factor = 1;
    let customerCode: string | null = null;
    if (customerId !== null && line.buyerCode) {
      const c = lookups.customerCode(customerId, line.buyerCode);
      if (c) {
        productId = c.productId;
        factor = c.unitFactor;
        customerCode = line.buyerCode;
      }
    }
    if (productId === null && line.gtin) {
      const p = lookups.productByGtin(line.gtin);
      if (p) {
        productId = p.id;
        factor = p.caseGtin === line.gtin && p.gtin !== line.gtin ? p.unitsPerCarton : 1;
      }
    }
    if (productId === null && line.supplierCode) {
      const p = lookups.productByCode(line.supplierCode);
      if (p) productId = p.id;
    }
    const quantity = qty * factor;
    const expected = cents(line.netPrice ?? line.grossPrice);
    const unitPriceCents = expected === undefined || factor === 1 ? expected : Math.round(expected / factor);
    const outOfBounds = lineOutOfBounds(line, segments, quantity, factor, unitPriceCents);
    if (outOfBounds) return refused(outOfBounds);
    if (productId === null) {
      const code = line.buyerCode ?? line.gtin ?? line.supplierCode;
      const at = segments.find((s) => s.tag === 'PIA')?.index ?? first;
      issues.push({
        kind: 'unknown-product',
        message: {
          fr: `Ligne ${lineNumber} : code ${code ?? '(aucun)'} inconnu`,
          en: `Line ${lineNumber}: unknown code ${code ?? '(none)'}`,
        },
        lineNumber,
        code,
        description: line.description,
        segmentIndex: line.buyerCode || !line.gtin ? at : first,
      });
      continue;
    }
    if (!Number.isInteger(quantity)) {
      issues.push({
        kind: 'bad-quantity',
        message: {
          fr: `Ligne ${lineNumber} : quantité ${quantity} non entière`,
          en: `Line ${lineNumber}: quantity ${quantity} is not whole`,
        },
        lineNumber,
        code: null,
        segmentIndex: first,
      });
      continue;
    }
    lines.push({
      lineNumber,
      productId,
      quantity,
      unitFactor: factor,
      ...(unitPriceCents === undefined ? {} : { expectedUnitPriceCents: unitPriceCents }),
      customerCode,
      gtin: line.gtin,
      firstSegment: first,
      lastSegment: last,
    });
  }

  const notes = [...order.notes];
  if (order.earliestDelivery || order.latestDelivery)
    notes.push(`Fenêtre de livraison : ${order.earliestDelivery ?? '…'} → ${order.latestDelivery ?? '…'}`);
  const requirement = order.deliveryRequirement;
  if (requirement)
    notes.push(`Exigence de livraison ${requirement}${REQUIREMENTS[requirement] ? ` (${REQUIREMENTS[requirement].fr})` : ''}`);
  const free = order.lines.filter((l) => l.freeQuantity).map((l) => `ligne ${l.lineNumber} : ${l.freeQuantity} gratuit(s)`);
  if (free.length) notes.push(`Gratuits demandés : ${free.join(', ')}`);

  return {
    customerId,
    deliveryPointId,
    requestedDate: requestedDateOf(order),
    customerRef: order.documentNumber ?? order.orderNumber,
    note: notes.length ? notes.join(' — ').slice(0, 1000) : null,
    deliveryRequirement: requirement,
    lines,
    issues,
    refusal: null,
  };
}
