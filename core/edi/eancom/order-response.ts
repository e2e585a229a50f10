import type { OutboundItem } from './write-common.ts';
import type { OrderResponseLineInput } from './write-ordrsp.ts';

/** A line of the order as confirmed, with what the customer asked on it by EDI (null: not asked that way). */
export type ConfirmedLine = {
  item: OutboundItem;
  cancelled: boolean;
  quantity: number;
  /** What the customer asked, in our sale units. */
  orderedQuantity: number | null;
  /** The net unit price we invoice, and the one the customer sent (PRI). */
  netUnitPriceCents: number;
  expectedUnitPriceCents: number | null;
  /** Our sale units in one unit the customer ordered in (a case of 10 sacks); null or 1: he ordered in ours. */
  unitFactor?: number | null;
};

/** What the customer's ORDERS asked, when we have it: its lines by their LIN number and the delivery date. */
export type AskedOrder = { lines: { lineNumber: number; item: OutboundItem }[]; deliveryDate: string | null };

// Reasons travel in FTX: plain characters only (no euro sign, no narrow spaces Intl would put in a price).
const dayMonthYear = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const euros = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')} EUR`;

/**
 * The ORDRSP's answer, line by line: accepted as asked; changed, with the new quantity, the date we promise instead
 * of the one asked, or the price we confirm instead of the one the customer sent; rejected, a cancelled line or one
 * the customer asked that the order no longer holds. Reasons are in French, for the buyer's desk. Each line
 * keeps the customer's LIN number (`item.lineNumber`).
 */
/**
 * A line the customer ordered in cases, answered in cases: quantities divided by the factor, prices per case, and
 * the item as he named it (his code, the case GTIN he sent). A quantity that is no whole number of cases any more
 * (the desk changed it to loose sacks) is answered in our unit, as it stands.
 */
export function inOrderedUnit(line: ConfirmedLine, asked: AskedOrder | null): ConfirmedLine {
  const f = line.unitFactor ?? 1;
  if (f <= 1 || line.quantity % f !== 0 || (line.orderedQuantity !== null && line.orderedQuantity % f !== 0)) return line;
  const twin = asked?.lines.find((a) => a.lineNumber === line.item.lineNumber);
  return {
    ...line,
    item: twin
      ? { ...line.item, gtin: twin.item.gtin || line.item.gtin, buyerCode: twin.item.buyerCode ?? line.item.buyerCode }
      : line.item,
    quantity: line.quantity / f,
    orderedQuantity: line.orderedQuantity === null ? null : line.orderedQuantity / f,
    netUnitPriceCents: line.netUnitPriceCents * f,
    expectedUnitPriceCents: line.expectedUnitPriceCents === null ? null : line.expectedUnitPriceCents * f,
    unitFactor: 1,
  };
}

export function orderResponseLines(
  lines: readonly ConfirmedLine[],
  promisedDate: string | null,
  asked: AskedOrder | null,
): OrderResponseLineInput[] {
  const confirmed = lines.map((l) => inOrderedUnit(l, asked));
  const dateChanged = asked?.deliveryDate != null && promisedDate !== null && asked.deliveryDate !== promisedDate;
  const out: OrderResponseLineInput[] = confirmed.map((l) => {
    if (l.cancelled) return { ...l.item, status: 'rejected', quantity: 0, reason: 'Ligne annulée' };
    const why: string[] = [];
    if (l.orderedQuantity !== null && l.orderedQuantity !== l.quantity) why.push(`Quantité ${l.quantity} au lieu de ${l.orderedQuantity}`);
    if (dateChanged) why.push(`Livraison le ${dayMonthYear(promisedDate)} au lieu du ${dayMonthYear(asked.deliveryDate!)}`);
    if (l.expectedUnitPriceCents !== null && l.expectedUnitPriceCents !== l.netUnitPriceCents)
      why.push(`Prix net ${euros(l.netUnitPriceCents)} HT au lieu de ${euros(l.expectedUnitPriceCents)}`);
    return {
      ...l.item,
      status: why.length ? 'changed' : 'accepted',
      quantity: l.quantity,
      unitPriceCents: l.netUnitPriceCents,
      ...(dateChanged ? { deliveryDate: promisedDate } : {}),
      ...(why.length ? { reason: why.join(' ; ') } : {}),
    };
  });
  const answered = new Set(confirmed.map((l) => l.item.lineNumber));
  for (const a of asked?.lines ?? []) {
    if (!answered.has(a.lineNumber)) out.push({ ...a.item, status: 'rejected', quantity: 0, reason: 'Ligne non retenue' });
  }
  return out.sort((a, b) => a.lineNumber - b.lineNumber);
}
