import type { Channel } from '../../core/customers/customer.ts';
import type { Finding } from '../../core/orders/findings.types.ts';
import { isBlocking, type OrderFinding } from '../../core/orders/order-findings.ts';
import { AppError, type FieldError } from '../errors.ts';
import type { OrderLineRow, OrderRow } from './orders.repository.ts';
import type { CarriedLine, OrderInput } from './resolve-draft.ts';

/** `PATCH /api/orders/{id}`: what changes; what it does not name stays as it is. */
export type OrderChange = {
  lines?: { id?: number; productId?: number; quantity: number }[];
  removeLineIds?: number[];
  requestedDate?: string;
  deliveryPointId?: number;
  note?: string | null;
};

/** The order after the change, as the rules read it: kept lines first (in line order, `kept[i]` is input line i), then the new ones. */
export type ChangedInput = { input: OrderInput; kept: OrderLineRow[]; removed: OrderLineRow[]; carried: CarriedLine[] };

const unprocessable = (errors: FieldError[]) =>
  new AppError('UNPROCESSABLE', `The change cannot be made: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, errors);

/**
 * The change applied to the stored order's live lines (cancelled ones are history): a line named by id gets its new
 * quantity, a line without id is added, a removed line leaves. 422 naming each line id that is not a live line of
 * this order, or a line that changes product (remove it and add the other).
 */
export function changedInput(order: OrderRow, lines: readonly OrderLineRow[], change: OrderChange): ChangedInput {
  const live = lines.filter((l) => l.status !== 'cancelled');
  const byId = new Map(live.map((l) => [l.id, l]));
  const errors: FieldError[] = [];
  const quantities = new Map<number, number>();
  const added: { productId: number; quantity: number }[] = [];
  (change.lines ?? []).forEach((l, i) => {
    if (l.id === undefined) {
      if (l.productId === undefined)
        errors.push({ path: `body.lines.${i}.productId`, code: 'required', params: {}, message: 'a new line names its product' });
      else added.push({ productId: l.productId, quantity: l.quantity });
      return;
    }
    const stored = byId.get(l.id);
    if (!stored)
      errors.push({
        path: `body.lines.${i}.id`,
        code: 'not-found',
        params: { entity: 'order-line', id: l.id },
        message: `line ${l.id} is not a live line of order ${order.number}`,
      });
    else if (l.productId !== undefined && l.productId !== stored.productId)
      errors.push({
        path: `body.lines.${i}.productId`,
        code: 'product-change',
        params: { id: l.id },
        message: 'a line keeps its product: remove it and add a line of the other product',
      });
    else quantities.set(l.id, l.quantity);
  });
  const removeIds = new Set(change.removeLineIds ?? []);
  (change.removeLineIds ?? []).forEach((id, i) => {
    if (!byId.has(id))
      errors.push({
        path: `body.removeLineIds.${i}`,
        code: 'not-found',
        params: { entity: 'order-line', id },
        message: `line ${id} is not a live line of order ${order.number}`,
      });
    else if (quantities.has(id))
      errors.push({ path: `body.removeLineIds.${i}`, code: 'duplicate', params: {}, message: 'a line is either changed or removed' });
  });
  const kept = live.filter((l) => !removeIds.has(l.id));
  if (kept.length + added.length === 0)
    errors.push({
      path: 'body.removeLineIds',
      code: 'no-lines-left',
      params: {},
      message: 'an order keeps one line at least: cancel it instead',
    });
  if (errors.length) throw unprocessable(errors);

  const note = change.note === undefined ? order.note : change.note?.trim() || null;
  const requestedDate = change.requestedDate ?? order.requestedDate;
  return {
    input: {
      customerId: order.customerId,
      deliveryPointId: change.deliveryPointId ?? order.deliveryPointId,
      ...(requestedDate ? { requestedDate } : {}),
      ...(order.customerRef ? { customerRef: order.customerRef } : {}),
      channel: order.channel as Channel,
      ...(note ? { note } : {}),
      lines: [...kept.map((l) => ({ productId: l.productId, quantity: quantities.get(l.id) ?? l.quantity })), ...added],
    },
    kept,
    removed: live.filter((l) => removeIds.has(l.id)),
    carried: kept.map((l) => ({
      productId: l.productId,
      customerCode: l.customerCode,
      expectedUnitPriceCents: l.expectedUnitPriceCents,
      agreedUnitPriceCents: l.agreedUnitPriceCents,
      customerLineNo: l.customerLineNo,
      orderedQuantity: l.orderedQuantity,
      customerUnitFactor: l.customerUnitFactor,
    })),
  };
}

/**
 * What a finding is about, whatever the line numbers: the rule, the stored line (or the added product) and its
 * figures. A finding the order as it stands already has was dealt with when it was confirmed; only what the change
 * brings is asked again.
 */
function aboutKey(f: Finding, lineRefs: readonly string[]): string {
  return `${f.rule}|${f.lineIndex === undefined ? '' : lineRefs[f.lineIndex]}|${JSON.stringify(f.data)}`;
}

/**
 * The findings the change brings that stop it until a manager answers (blocks and approvals that the order, as it
 * stands, did not already have). `beforeRefs` / `afterRefs` name each draft line of the two runs (a stored id, or
 * `+productId` for an added one).
 */
export function findingsNeedingManager(
  before: readonly Finding[],
  beforeRefs: readonly string[],
  after: readonly OrderFinding[],
  afterFindings: readonly Finding[],
  afterRefs: readonly string[],
): OrderFinding[] {
  const known = new Set(before.map((f) => aboutKey(f, beforeRefs)));
  return after.filter((f, i) => isBlocking(f) && !known.has(aboutKey(afterFindings[i], afterRefs)));
}

/** The 422 of a change that needs a manager: each finding, as a field error and whole in `findings`. */
export function changeNeedsManager(number: string, blocking: readonly OrderFinding[]): AppError {
  const what = blocking.map((f) => `${f.rule}${f.lineNo ? ` (line ${f.lineNo})` : ''}`).join(', ');
  return new AppError(
    'UNPROCESSABLE',
    `The change to order ${number} needs a manager: ${blocking.length} finding(s) wait for an approval or override: ${what}`,
    blocking.map((f) => ({
      path: f.lineNo ? `lines.${f.lineNo - 1}` : 'order',
      code: 'finding',
      params: { rule: f.rule },
      message: f.message,
    })),
    { findings: blocking },
  );
}
