/** The order being typed: its lines as the assistant sees them, and the body that saves them. */
import type { Channel } from '../../../../core/customers/customer.ts';
import { MAX_LINE_QUANTITY } from '../../../../core/orders/order-limits.ts';
import type { OrderInput } from '../../../../core/orders/orders.schemas.ts';
import type { DraftLine } from '../../../../core/orders/price-draft.ts';

/** A line as typed: the product field's text, the product it resolved to (if any), the quantity's text. */
export type EntryLine = { key: number; query: string; productId: number | null; quantity: string };

export type EntryHeader = {
  customerId: number | null;
  deliveryPointId: number | null;
  requestedDate: string | null;
  channel: Channel;
  customerRef: string;
  note: string;
};

export function blankLine(key: number): EntryLine {
  return { key, query: '', productId: null, quantity: '' };
}

/** Quantities are whole sale units (sacks, cartons, tonnes): anything else is not a quantity. */
export function parseQuantity(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n > 0 && n <= MAX_LINE_QUANTITY ? n : null;
}

export function isBlank(line: EntryLine): boolean {
  return line.productId === null && line.query.trim() === '' && line.quantity.trim() === '';
}

/** Removing the last line leaves a blank one: the screen always has a product field to type in. */
export function removeLine(lines: readonly EntryLine[], index: number, nextKey: () => number): EntryLine[] {
  const rest = lines.filter((_, i) => i !== index);
  return rest.length ? rest : [blankLine(nextKey())];
}

/** After a quantity is entered the next product goes on a fresh line at the end. */
export function withTrailingBlank(lines: readonly EntryLine[], nextKey: () => number): EntryLine[] {
  const last = lines[lines.length - 1];
  return last && isBlank(last) ? [...lines] : [...lines, blankLine(nextKey())];
}

/** The lines that count for prices and totals: a product and a valid quantity, with the key of their row. */
export function pricedInput(lines: readonly EntryLine[]): (DraftLine & { key: number })[] {
  const out: (DraftLine & { key: number })[] = [];
  for (const line of lines) {
    const quantity = parseQuantity(line.quantity);
    if (line.productId !== null && quantity !== null) out.push({ key: line.key, productId: line.productId, quantity });
  }
  return out;
}

export type BodyProblem = 'noCustomer' | 'noLines' | 'badLines';

/**
 * The POST /api/orders body, or why it cannot be sent yet. A line with text but no product, or a product without
 * a valid quantity, stops the save: sending the others would drop what the customer asked for without a word.
 */
export function orderBody(
  header: EntryHeader,
  lines: readonly EntryLine[],
): { body: OrderInput } | { problem: BodyProblem; lineIndexes: number[] } {
  if (header.customerId === null) return { problem: 'noCustomer', lineIndexes: [] };
  const bad = lines.flatMap((line, i) => (!isBlank(line) && (line.productId === null || parseQuantity(line.quantity) === null) ? [i] : []));
  if (bad.length) return { problem: 'badLines', lineIndexes: bad };
  const priced = pricedInput(lines).map(({ productId, quantity }) => ({ productId, quantity }));
  if (!priced.length) return { problem: 'noLines', lineIndexes: [] };
  return {
    body: {
      customerId: header.customerId,
      ...(header.deliveryPointId !== null ? { deliveryPointId: header.deliveryPointId } : {}),
      ...(header.requestedDate ? { requestedDate: header.requestedDate } : {}),
      ...(header.customerRef.trim() ? { customerRef: header.customerRef.trim() } : {}),
      channel: header.channel,
      ...(header.note.trim() ? { note: header.note.trim() } : {}),
      lines: priced,
    },
  };
}
