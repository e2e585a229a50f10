/**
 * Documents that agree (issue 16 § 6): for a delivered order, the order, what shipped (the delivery notes), what
 * the customer says he received (the delivery report, or his RECADV) and what was invoiced, compared line by line
 * on product, quantity and price. Plain data in, the discrepancies out; the server finds the documents.
 */

export type OrderedLine = { productId: number; quantity: number; unitPriceCents: number };
export type QuantityLine = { productId: number; quantity: number };
export type InvoicedLine = { productId: number; quantity: number; unitPriceCents: number };

export type ReceivedSource = 'delivery-report' | 'recadv';

export type ComparedDocuments = {
  ordered: readonly OrderedLine[];
  /** The delivery notes' quantities; null before anything shipped. */
  shipped: readonly QuantityLine[] | null;
  /** What the customer says he received; null when he has said nothing. */
  received: { source: ReceivedSource; lines: readonly QuantityLine[] } | null;
  /** The invoice's lines; null when no invoice was issued from Carnet. */
  invoiced: readonly InvoicedLine[] | null;
  /** Shortfalls the desk already settled with the customer at delivery (carried to a backorder, or cancelled). */
  settled?: readonly QuantityLine[];
};

export const DISCREPANCY_KINDS = [
  /** Shipped less than ordered, with no backorder to carry the rest. */
  'shipped-short',
  'shipped-over',
  /** On a delivery note, not on the order. */
  'not-ordered',
  /** The customer received less than the delivery note says left. */
  'received-short',
  'received-over',
  /** Invoiced more than the customer received (or than shipped, when he said nothing). */
  'invoiced-over',
  'invoiced-under',
  /** Invoiced at another unit price than the order's. */
  'invoiced-price',
] as const;
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];

export type Discrepancy = {
  /** Stable within the order: what a decision on it is filed under. */
  key: string;
  kind: DiscrepancyKind;
  productId: number;
  /** What the reference document says (quantity, or unit price in cents for `invoiced-price`). */
  expected: number;
  actual: number;
  /** The money at stake, in cents excl. VAT, at the order's price; positive when the customer is owed. */
  amountCents: number;
  /** Whom it costs if nothing is done: the customer (he pays for what he lacks) or us (goods given away). */
  owedTo: 'customer' | 'supplier';
};

/** Per product, the sum of its quantities, and the order's price (the first line's; lines of one product share it). */
function byProduct<T extends QuantityLine>(lines: readonly T[]): Map<number, { quantity: number; first: T }> {
  const map = new Map<number, { quantity: number; first: T }>();
  for (const l of lines) {
    const seen = map.get(l.productId);
    if (seen) seen.quantity += l.quantity;
    else map.set(l.productId, { quantity: l.quantity, first: l });
  }
  return map;
}

function quantityGap(
  kinds: [short: DiscrepancyKind, over: DiscrepancyKind],
  productId: number,
  expected: number,
  actual: number,
  priceCents: number,
  shortOwedTo: Discrepancy['owedTo'],
): Discrepancy | null {
  if (expected === actual) return null;
  const short = actual < expected;
  const kind = short ? kinds[0] : kinds[1];
  const owedTo = short ? shortOwedTo : shortOwedTo === 'customer' ? 'supplier' : 'customer';
  return { key: `${kind}:${productId}`, kind, productId, expected, actual, amountCents: Math.abs(expected - actual) * priceCents, owedTo };
}

/**
 * Every disagreement between the documents, in product order then in the order of the document chain
 * (order → delivery note → receipt → invoice). Each document is compared with the one before it that exists,
 * and the invoice with the best word on what arrived: the customer's, else the delivery note.
 */
export function compareDocuments(docs: ComparedDocuments): Discrepancy[] {
  const ordered = byProduct(docs.ordered);
  const shipped = docs.shipped ? byProduct(docs.shipped) : null;
  const received = docs.received ? byProduct(docs.received.lines) : null;
  const invoiced = docs.invoiced ? byProduct(docs.invoiced) : null;
  const settled = byProduct(docs.settled ?? []);
  const productIds = [
    ...new Set([...ordered.keys(), ...(shipped?.keys() ?? []), ...(received?.keys() ?? []), ...(invoiced?.keys() ?? [])]),
  ].sort((a, b) => a - b);
  const out: Discrepancy[] = [];
  const push = (d: Discrepancy | null) => {
    if (d) out.push(d);
  };
  for (const productId of productIds) {
    const order = ordered.get(productId);
    // A product nobody ordered is valued at the invoice's price when there is one, else at nothing known.
    const price = order?.first.unitPriceCents ?? invoiced?.get(productId)?.first.unitPriceCents ?? 0;
    const shippedQty = shipped ? (shipped.get(productId)?.quantity ?? 0) : null;
    if (shippedQty !== null) {
      if (!order && shippedQty > 0)
        push({
          key: `not-ordered:${productId}`,
          kind: 'not-ordered',
          productId,
          expected: 0,
          actual: shippedQty,
          amountCents: shippedQty * price,
          owedTo: 'supplier',
        });
      else if (order) push(quantityGap(['shipped-short', 'shipped-over'], productId, order.quantity, shippedQty, price, 'customer'));
    }
    const receivedQty = received ? (received.get(productId)?.quantity ?? 0) : null;
    if (receivedQty !== null && shippedQty !== null)
      push(
        quantityGap(
          ['received-short', 'received-over'],
          productId,
          shippedQty - (settled.get(productId)?.quantity ?? 0),
          receivedQty,
          price,
          'customer',
        ),
      );
    if (invoiced) {
      const basis = receivedQty ?? shippedQty ?? order?.quantity ?? 0;
      const invoice = invoiced.get(productId);
      const invoicedQty = invoice?.quantity ?? 0;
      // Invoiced beyond what arrived: the customer is charged for goods he lacks.
      push(quantityGap(['invoiced-under', 'invoiced-over'], productId, basis, invoicedQty, price, 'supplier'));
      if (invoice && order && invoice.first.unitPriceCents !== order.first.unitPriceCents) {
        const diff = invoice.first.unitPriceCents - order.first.unitPriceCents;
        out.push({
          key: `invoiced-price:${productId}`,
          kind: 'invoiced-price',
          productId,
          expected: order.first.unitPriceCents,
          actual: invoice.first.unitPriceCents,
          amountCents: Math.abs(diff) * invoicedQty,
          owedTo: diff > 0 ? 'customer' : 'supplier',
        });
      }
    }
  }
  return out;
}
