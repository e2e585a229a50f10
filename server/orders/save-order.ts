import { parisNow } from '../../core/calendar/dates.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { nowIso } from '../clock.ts';
import { nextCounter } from '../db/counters.ts';
import type { Db } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import type { Channel } from '../../core/customers/customer.ts';
import { formatEuros } from '../../core/shared/money.ts';
import { type OrderFinding, type OrderSuggestion, toOrderSuggestion } from '../../core/orders/order-findings.ts';
import { deleteFindings, insertFindings, listFindingRows } from './findings.repository.ts';
import { findingRows, toOrderFindingFromRow, withResolutions } from './findings.service.ts';
import { orderDateOf } from './order-rules.ts';
import { deleteOrderLines, findOrderRow, insertOrder, insertOrderLines, listOrderLineRows, type NewOrderLineRow, type OrderLineRow, type OrderRow, updateOrderStatus } from './orders.repository.ts';
import { type CarriedLine, type OrderInput, type ResolvedDraft, resolveDraft } from './resolve-draft.ts';
import { type Actor, invalidTransition } from './transition.ts';

/** What a save leaves for the answer: the suggestions were computed with the findings, no need to run the rules again. */
export type Saved = { id: number; suggestions: OrderSuggestion[] };

/** `CDE-YYYYMM-NNNNN`: the month is Paris's, the sequence runs across months so a number is never reused. */
export function orderNumber(seq: number, now = new Date()): string {
  const { date } = parisNow(now);
  return `CDE-${date.slice(0, 4)}${date.slice(5, 7)}-${String(seq).padStart(5, '0')}`;
}

function lineRows(orderId: number, draft: ResolvedDraft): NewOrderLineRow[] {
  return draft.lines.map((l, i) => ({
    orderId,
    lineNo: i + 1,
    productId: l.product.id,
    customerCode: l.customerCode,
    quantity: l.quantity,
    unitPriceCents: l.unitPriceCents,
    netCents: l.netCents,
    vatRateBp: l.vatRateBp,
    deliveredQuantity: null,
    status: 'open',
    backorderOfLineId: null,
    promotionId: l.promotionId,
    freeQuantity: l.freeQuantity,
    expectedUnitPriceCents: l.expectedUnitPriceCents,
    agreedUnitPriceCents: l.agreedUnitPriceCents,
    customerLineNo: l.customerLineNo,
    orderedQuantity: l.orderedQuantity,
  }));
}

/** The stored charges: a label in both languages, as the screens show them. */
function chargesValues(draft: ResolvedDraft) {
  const chargesNetCents = draft.charges.reduce((sum, c) => sum + c.netCents, 0);
  return { chargesJson: draft.charges.length ? JSON.stringify(draft.charges) : null, chargesNetCents };
}

/** Writes what the rules found on the lines just written (ids by line number), keeping still-valid approvals. */
async function storeFindings(trx: Parameters<typeof insertFindings>[0], orderId: number, draft: ResolvedDraft, lineIds: Map<number, number>, previous: readonly OrderFinding[] = []) {
  const ids = draft.lines.map((_, i) => lineIds.get(i + 1));
  const findings = withResolutions(draft.rules.findings, ids, previous);
  await insertFindings(trx, findingRows(orderId, findings));
  return ids;
}

function headerValues(draft: ResolvedDraft) {
  return {
    customerId: draft.customer.id,
    deliveryPointId: draft.deliveryPoint.id,
    channel: draft.channel,
    customerRef: draft.customerRef,
    requestedDate: draft.requestedDate,
    note: draft.note,
    netCents: draft.totals.netCents,
    vatCents: draft.totals.vatCents,
    grossCents: draft.totals.grossCents,
    palletsCenti: Math.round(draft.totals.pallets * 100),
    weightG: draft.totals.weightG,
    ...chargesValues(draft),
  };
}

type Header = { customerId: number; deliveryPointId: number; channel: string; customerRef: string | null; requestedDate: string | null; note: string | null; netCents: number };

/** What the timeline shows of a draft: enough to see what an edit changed. */
function snapshot(h: Header, lines: readonly { productId: number; quantity: number; unitPriceCents: number }[]) {
  return {
    customerId: h.customerId,
    deliveryPointId: h.deliveryPointId,
    channel: h.channel,
    customerRef: h.customerRef,
    requestedDate: h.requestedDate,
    note: h.note,
    netCents: h.netCents,
    lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPriceCents: l.unitPriceCents })),
  };
}

/**
 * Creates a draft, priced and checked by the rules, its findings stored with it. Master data is read before the
 * transaction so the write lock is held only for the writes.
 */
export async function createOrder(db: Db, input: OrderInput, actor: Actor): Promise<number> {
  return (await saveNewOrder(db, input, actor)).id;
}

/** `createOrder`, also handing back the suggestions the rules made, for the answer to the save. */
export async function saveNewOrder(db: Db, input: OrderInput, actor: Actor): Promise<Saved> {
  const draft = await resolveDraft(db, input);
  const { id, lineIds } = await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const number = orderNumber(await nextCounter(trx, 'order'));
    const header = headerValues(draft);
    const id = await insertOrder(trx, {
      ...header, number, status: 'draft', promisedDate: null, backorderOfOrderId: null, deliveryRequirement: input.deliveryRequirement ?? null, createdBy: actor.id, createdAt: now, updatedAt: now,
    });
    const lines = lineRows(id, draft);
    const lineIds = await storeFindings(trx, id, draft, await insertOrderLines(trx, lines));
    await recordAudit(trx, { entityType: 'order', entityId: id, orderId: id, action: 'create', userId: actor.id, after: { number, status: 'draft', ...snapshot(header, lines) } });
    return { id, lineIds };
  });
  return { id, suggestions: draft.rules.suggestions.map((s) => toOrderSuggestion(s, lineIds)) };
}

/**
 * Replaces a draft's header and lines, priced on the day the order was taken, and its findings: an approval or
 * override still holds where the new run finds the very same thing. What the stored lines carry that the screen
 * does not send (the customer's code, his EDI price and line number, an agreed price) follows each product. Anything
 * past draft is refused, whoever moved it meanwhile.
 */
export async function updateDraft(db: Db, orderId: number, input: OrderInput, actor: Actor): Promise<Saved> {
  return replaceDraft(db, orderId, () => ({ input }), actor, 'update');
}

type Rewrite = { input: OrderInput; carried?: CarriedLine[]; note?: string };

/** The lines as stored, read back as an edit of themselves: what the rules and the carried data start from. */
function storedInput(order: OrderRow, lines: readonly OrderLineRow[]): OrderInput {
  return {
    customerId: order.customerId,
    deliveryPointId: order.deliveryPointId,
    ...(order.requestedDate ? { requestedDate: order.requestedDate } : {}),
    ...(order.customerRef ? { customerRef: order.customerRef } : {}),
    channel: order.channel as Channel,
    ...(order.note ? { note: order.note } : {}),
    lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
  };
}

const carriedOf = (lines: readonly OrderLineRow[]): CarriedLine[] =>
  lines.map((l) => ({ productId: l.productId, customerCode: l.customerCode, expectedUnitPriceCents: l.expectedUnitPriceCents, agreedUnitPriceCents: l.agreedUnitPriceCents, customerLineNo: l.customerLineNo, orderedQuantity: l.orderedQuantity }));

async function replaceDraft(db: Db, orderId: number, rewrite: (order: OrderRow, lines: OrderLineRow[]) => Rewrite, actor: Actor, action: string): Promise<Saved> {
  const [existing, existingLines] = await Promise.all([findOrderRow(db, orderId), listOrderLineRows(db, orderId)]);
  if (!existing) throw notFound('Order', orderId);
  if (existing.status !== 'draft') throw invalidTransition(existing, 'edit', ['draft']);
  const change = rewrite(existing, existingLines);
  const draft = await resolveDraft(db, change.input, { orderDate: orderDateOf(existing.createdAt), excludeOrderId: orderId, carried: change.carried ?? carriedOf(existingLines) });
  const lineIds = await db.transaction().execute(async (trx) => {
    const [before, beforeLines] = await Promise.all([findOrderRow(trx, orderId), listOrderLineRows(trx, orderId)]);
    if (!before) throw notFound('Order', orderId);
    // Someone else's edit since the read above: what was carried may be stale, refuse rather than overwrite it.
    if (before.updatedAt !== existing.updatedAt && action !== 'update') throw new AppError('CONFLICT', `Order ${before.number} was changed by someone else meanwhile; reload it.`);
    const header = headerValues(draft);
    const requirement = change.input.deliveryRequirement === undefined ? {} : { deliveryRequirement: change.input.deliveryRequirement };
    if (!(await updateOrderStatus(trx, orderId, 'draft', { ...header, ...requirement, status: 'draft', updatedAt: nowIso() }))) {
      throw invalidTransition(before, 'edit', ['draft']);
    }
    const previous = (await listFindingRows(trx, [orderId])).map(toOrderFindingFromRow);
    await Promise.all([deleteOrderLines(trx, orderId), deleteFindings(trx, orderId)]);
    const lines = lineRows(orderId, draft);
    const ids = await storeFindings(trx, orderId, draft, await insertOrderLines(trx, lines), previous);
    await recordAudit(trx, {
      entityType: 'order',
      entityId: orderId,
      orderId,
      action,
      userId: actor.id,
      before: snapshot(before, beforeLines),
      after: snapshot(header, lines),
      note: change.note ?? null,
    });
    return ids;
  });
  return { id: orderId, suggestions: draft.rules.suggestions.map((s) => toOrderSuggestion(s, lineIds)) };
}

/**
 * The desk accepts the price the customer sent on one line (EDI PRI): the line is priced and invoiced at it from now
 * on, whatever the lists say, so the price-mismatch finding is settled for good; the order is re-priced (totals,
 * franco) and re-checked, and the timeline keeps both prices. Only a draft, only a line that states a price.
 */
export async function acceptCustomerPrice(db: Db, orderId: number, lineId: number, actor: Actor): Promise<Saved> {
  return replaceDraft(
    db,
    orderId,
    (order, lines) => {
      const line = lines.find((l) => l.id === lineId);
      if (!line) throw new AppError('UNPROCESSABLE', `Order ${order.number} has no line ${lineId}.`, [{ path: 'body.lineId', message: 'not a line of this order' }]);
      const expected = line.expectedUnitPriceCents;
      if (expected === null) throw new AppError('UNPROCESSABLE', `Line ${line.lineNo} of order ${order.number} states no customer price.`, [{ path: 'body.lineId', message: 'the customer sent no price on this line' }]);
      const carried = carriedOf(lines).map((c, i) => (lines[i].id === lineId ? { ...c, agreedUnitPriceCents: expected } : c));
      const prices = `${formatEuros(line.unitPriceCents)} → ${formatEuros(expected)}`;
      return { input: storedInput(order, lines), carried, note: `Prix du client accepté ligne ${line.lineNo} (${line.productCode}) ${prices} · Customer's price accepted on line ${line.lineNo}` };
    },
    actor,
    'accept_price',
  );
}
