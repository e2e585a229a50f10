import type { OrderChangeInput } from '../../../../core/orders/orders.schemas.ts';

/** A line typed below the order's own on its page: as at entry, a product found by code and a quantity. */
export type AddedLine = { key: number; query: string; productId: number | null; quantity: string };
export const emptyAdded = (key: number): AddedLine => ({ key, query: '', productId: null, quantity: '' });

/** What the order page's editor holds: each live line's quantity as typed (0 removes it), new lines, date, note. */
export type ChangeForm = { quantities: Record<number, string>; added: AddedLine[]; requestedDate: string; note: string };

const whole = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

/**
 * The `PATCH /api/orders/{id}` body for what the form changed, and nothing else: changed quantities, new lines with a
 * product and a quantity, lines set to 0 removed, the date and the note when they differ. Empty: nothing to send.
 */
export function changeBody(
  order: { requestedDate: string | null; note: string | null },
  live: readonly { id: number; quantity: number }[],
  form: ChangeForm,
): OrderChangeInput {
  const lines: NonNullable<OrderChangeInput['lines']> = [];
  const removeLineIds: number[] = [];
  for (const l of live) {
    const q = whole(form.quantities[l.id] ?? String(l.quantity));
    if (q === 0) removeLineIds.push(l.id);
    else if (q !== null && q !== l.quantity) lines.push({ id: l.id, quantity: q });
  }
  for (const a of form.added) {
    const q = whole(a.quantity);
    if (a.productId !== null && q !== null && q > 0) lines.push({ productId: a.productId, quantity: q });
  }
  const note = form.note.trim();
  return {
    ...(lines.length ? { lines } : {}),
    ...(removeLineIds.length ? { removeLineIds } : {}),
    ...(form.requestedDate && form.requestedDate !== order.requestedDate ? { requestedDate: form.requestedDate } : {}),
    ...(note !== (order.note ?? '') ? { note: note || null } : {}),
  };
}
