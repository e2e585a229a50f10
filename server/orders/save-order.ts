import type { TimelineNote } from '../../core/shared/error-codes.ts';
import { parisNow } from '../../core/calendar/dates.ts';
import { auditRow, recordAudit, recordAudits } from '../audit/audit.repository.ts';
import { nextCounter } from './counters.repository.ts';
import type { Db, Trx } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import type { Channel } from '../../core/customers/customer.ts';
import { ORDER_APPROVERS, type Role } from '../../core/auth/roles.ts';
import type { PriceAnswer } from '../../core/edi/edi.schemas.ts';
import type { Finding } from '../../core/orders/findings.types.ts';
import { type OrderFinding, type OrderSuggestion, toOrderSuggestion } from '../../core/orders/order-findings.ts';
import { deleteFindings, insertFindings, listFindingRows } from './findings.repository.ts';
import { findingRows, toOrderFindingFromRow, withResolutions } from './findings.service.ts';
import { orderDateOf } from './order-rules.ts';
import {
  deleteOrderLines,
  findOrderRow,
  insertLinesOfOrders,
  insertOrderLines,
  insertOrders,
  listOrderLineRows,
  type NewOrderLineRow,
  type OrderLineRow,
  type OrderRow,
  updateOrderStatus,
} from './orders.repository.ts';
import { type CarriedLine, type OrderInput, type ResolvedDraft, resolveDraft } from './resolve-draft.ts';
import { type Actor, invalidTransition } from './transition.ts';

/** What a save leaves for the answer: the suggestions were computed with the findings, no need to run the rules again. */
export type Saved = { id: number; suggestions: OrderSuggestion[] };

/** `CDE-YYYYMM-`: the month is Paris's; the sequence after it runs across months, so a number is never reused. */
function orderNumberPrefix(now: Date): string {
  const { date } = parisNow(now);
  return `CDE-${date.slice(0, 4)}${date.slice(5, 7)}-`;
}
const orderNumber = (prefix: string, seq: number) => `${prefix}${String(seq).padStart(5, '0')}`;

type NewLine = Omit<NewOrderLineRow, 'orderId'>;

function lineRows(draft: ResolvedDraft): NewLine[] {
  return draft.lines.map((l, i) => ({
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
    customerUnitFactor: l.customerUnitFactor,
  }));
}

/** The stored charges: a label in both languages, as the screens show them. */
function chargesValues(draft: ResolvedDraft) {
  const chargesNetCents = draft.charges.reduce((sum, c) => sum + c.netCents, 0);
  return { chargesJson: draft.charges.length ? JSON.stringify(draft.charges) : null, chargesNetCents };
}

/** What the rules found, on the lines just written (ids by line number), keeping still-valid approvals. */
function findingsOn(
  findings: readonly Finding[],
  lineCount: number,
  lineIds: Map<number, number>,
  previous: readonly OrderFinding[] = [],
): OrderFinding[] {
  return withResolutions(
    findings,
    Array.from({ length: lineCount }, (_, i) => lineIds.get(i + 1)),
    previous,
  );
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

type Header = {
  customerId: number;
  deliveryPointId: number;
  channel: string;
  customerRef: string | null;
  requestedDate: string | null;
  note: string | null;
  netCents: number;
};

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

/** A draft to create, and who creates it: what `insertNewOrders` turns into rows. */
/**
 * What creating an order writes, built from its draft before any id exists: the header, the lines, what the rules
 * found and who creates it. A batch keeps these, not the drafts with their rules context and pricing detail.
 */
export type NewOrder = {
  header: ReturnType<typeof headerValues>;
  lines: NewLine[];
  findings: readonly Finding[];
  actorId: number;
  /** What the customer's EDI order states for a shortage (4493); null for the others. */
  deliveryRequirement: string | null;
  /** What the server notes on the creation's timeline entry (why it was created), coded. */
  notes?: TimelineNote[];
};
export type CreatedOrder = { id: number; number: string; lineIds: Map<number, number> };

export function newOrder(draft: ResolvedDraft, actor: Actor, deliveryRequirement: string | null = null): NewOrder {
  return { header: headerValues(draft), lines: lineRows(draft), findings: draft.rules.findings, actorId: actor.id, deliveryRequirement };
}

/**
 * The rows creating orders writes — the header, its lines, what the rules found and the audit event — for one
 * order (the screen) or a batch (EDI intake), in a few multi-row statements inside the caller's transaction. Every
 * new order goes through here, so both write the very same rows. Numbers are reserved for the whole batch at once.
 */
export async function insertNewOrders(trx: Trx, orders: readonly NewOrder[], at: Date): Promise<CreatedOrder[]> {
  if (orders.length === 0) return [];
  const now = at.toISOString();
  const prefix = orderNumberPrefix(at);
  const first = (await nextCounter(trx, 'order', orders.length)) - orders.length + 1;
  const headers = orders.map((o, i) => ({
    ...o.header,
    number: orderNumber(prefix, first + i),
    status: 'draft',
    promisedDate: null,
    backorderOfOrderId: null,
    deliveryRequirement: o.deliveryRequirement,
    createdBy: o.actorId,
    createdAt: now,
    updatedAt: now,
  }));
  const ids = await insertOrders(trx, headers);
  const orderIds = headers.map((h) => ids.get(h.number)!);
  const lines = orders.map((o, i) => o.lines.map((l) => ({ ...l, orderId: orderIds[i] })));
  const lineIds = await insertLinesOfOrders(trx, lines.flat());
  const created = headers.map((h, i) => ({
    id: orderIds[i],
    number: h.number,
    lineIds: lineIds.get(orderIds[i]) ?? new Map<number, number>(),
  }));
  await insertFindings(
    trx,
    orders.flatMap((o, i) => findingRows(created[i].id, findingsOn(o.findings, o.lines.length, created[i].lineIds))),
  );
  await recordAudits(
    trx,
    headers.map((h, i) =>
      auditRow({
        entityType: 'order',
        entityId: created[i].id,
        orderId: created[i].id,
        action: 'create',
        userId: orders[i].actorId,
        notes: orders[i].notes,
        after: { number: h.number, status: 'draft', ...snapshot(h, lines[i]) },
        at: now,
      }),
    ),
  );
  return created;
}

/**
 * Creates a draft, priced and checked by the rules, its findings stored with it. Master data is read before the
 * transaction so the write lock is held only for the writes.
 */
export async function createOrder(db: Db, input: OrderInput, actor: Actor, now: Date, notes?: TimelineNote[]): Promise<number> {
  return (await saveNewOrder(db, input, actor, now, notes)).id;
}

/** `createOrder`, also handing back the suggestions the rules made, for the answer to the save. */
export async function saveNewOrder(db: Db, input: OrderInput, actor: Actor, now: Date, notes?: TimelineNote[]): Promise<Saved> {
  const draft = await resolveDraft(db, input, { now });
  const order = { ...newOrder(draft, actor, input.deliveryRequirement ?? null), notes };
  const [created] = await db.transaction().execute((trx) => insertNewOrders(trx, [order], now));
  const lineIds = draft.lines.map((_, i) => created.lineIds.get(i + 1));
  return { id: created.id, suggestions: draft.rules.suggestions.map((s) => toOrderSuggestion(s, lineIds)) };
}

/**
 * Replaces a draft's header and lines, priced on the day the order was taken, and its findings: an approval or
 * override still holds where the new run finds the very same thing. What the stored lines carry that the screen
 * does not send (the customer's code, his EDI price and line number, an agreed price) follows each product. Anything
 * past draft is refused, whoever moved it meanwhile.
 */
export async function updateDraft(db: Db, orderId: number, input: OrderInput, actor: Actor, now: Date): Promise<Saved> {
  return replaceDraft(db, orderId, () => ({ input }), actor, 'update', now);
}

/**
 * `PATCH /api/orders/{id}` on a draft: the change (built from the stored lines by `change`) replaces the draft as an
 * edit does, audited as one.
 */
export async function patchDraft(
  db: Db,
  orderId: number,
  change: (order: OrderRow, lines: OrderLineRow[]) => { input: OrderInput; carried: CarriedLine[] },
  actor: Actor,
  now: Date,
): Promise<Saved> {
  return replaceDraft(db, orderId, (order, lines) => change(order, lines), actor, 'update', now);
}

type Rewrite = { input: OrderInput; carried?: CarriedLine[]; notes?: TimelineNote[] };

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
  lines.map((l) => ({
    productId: l.productId,
    customerCode: l.customerCode,
    expectedUnitPriceCents: l.expectedUnitPriceCents,
    agreedUnitPriceCents: l.agreedUnitPriceCents,
    customerLineNo: l.customerLineNo,
    orderedQuantity: l.orderedQuantity,
    customerUnitFactor: l.customerUnitFactor,
  }));

async function replaceDraft(
  db: Db,
  orderId: number,
  rewrite: (order: OrderRow, lines: OrderLineRow[]) => Rewrite,
  actor: Actor,
  action: string,
  now: Date,
): Promise<Saved> {
  const [existing, existingLines] = await Promise.all([findOrderRow(db, orderId), listOrderLineRows(db, orderId)]);
  if (!existing) throw notFound('Order', orderId);
  if (existing.status !== 'draft') throw invalidTransition(existing, 'edit', ['draft']);
  const change = rewrite(existing, existingLines);
  const draft = await resolveDraft(db, change.input, {
    orderDate: orderDateOf(existing.createdAt),
    now,
    excludeOrderId: orderId,
    carried: change.carried ?? carriedOf(existingLines),
  });
  const lineIds = await db.transaction().execute(async (trx) => {
    const [before, beforeLines] = await Promise.all([findOrderRow(trx, orderId), listOrderLineRows(trx, orderId)]);
    if (!before) throw notFound('Order', orderId);
    // Someone else's edit since the read above: what was carried may be stale, refuse rather than overwrite it.
    if (before.updatedAt !== existing.updatedAt && action !== 'update')
      throw new AppError('CONFLICT', `Order ${before.number} was changed by someone else meanwhile; reload it.`);
    const header = headerValues(draft);
    const requirement = change.input.deliveryRequirement === undefined ? {} : { deliveryRequirement: change.input.deliveryRequirement };
    if (!(await updateOrderStatus(trx, orderId, 'draft', { ...header, ...requirement, status: 'draft', updatedAt: now.toISOString() }))) {
      throw invalidTransition(before, 'edit', ['draft']);
    }
    const previous = (await listFindingRows(trx, [orderId])).map(toOrderFindingFromRow);
    await Promise.all([deleteOrderLines(trx, orderId), deleteFindings(trx, orderId)]);
    const lines = lineRows(draft).map((l) => ({ ...l, orderId }));
    const written = await insertOrderLines(trx, lines);
    await insertFindings(trx, findingRows(orderId, findingsOn(draft.rules.findings, lines.length, written, previous)));
    const ids = draft.lines.map((_, i) => written.get(i + 1));
    await recordAudit(trx, {
      entityType: 'order',
      entityId: orderId,
      orderId,
      action,
      userId: actor.id,
      before: snapshot(before, beforeLines),
      after: snapshot(header, lines),
      notes: change.notes,
      at: now.toISOString(),
    });
    return ids;
  });
  return { id: orderId, suggestions: draft.rules.suggestions.map((s) => toOrderSuggestion(s, lineIds)) };
}

/**
 * The desk answers the price the customer sent on one line (EDI PRI) when it differs from ours: his (the line is
 * priced and invoiced at it from now on, whatever the lists say) or ours (it stands, frozen at today's net, and the
 * ORDRSP tells him "ours instead of yours"). Either way the price-mismatch finding is settled for good, the order is
 * re-priced and re-checked, and the timeline keeps both prices. Accepting his costs (ours − his) × quantity: above
 * the terms' threshold (the finding's `managerDecides`), only a manager or an admin may. Only a draft, only a line
 * that states a price.
 */
export async function answerCustomerPrice(
  db: Db,
  orderId: number,
  lineId: number,
  answer: PriceAnswer,
  caller: { id: number; role: Role },
  now: Date,
): Promise<Saved> {
  const mismatch = (await listFindingRows(db, [orderId]))
    .map(toOrderFindingFromRow)
    .find((f) => f.rule === 'price-mismatch' && f.lineId === lineId);
  const data = mismatch?.data as { concessionCents?: number; managerDecides?: boolean } | undefined;
  if (answer === 'theirs' && data?.managerDecides && !ORDER_APPROVERS.includes(caller.role))
    throw new AppError(
      'FORBIDDEN',
      `Accepting the customer's price gives away ${((data.concessionCents ?? 0) / 100).toFixed(2)} € on this line, above what the terms let the desk concede: a manager decides (the order waits in Approvals).`,
      [
        {
          path: 'body.answer',
          code: 'manager-decides',
          params: { cents: data.concessionCents ?? 0 },
          message: 'above the concession threshold',
        },
      ],
    );
  return replaceDraft(
    db,
    orderId,
    (order, lines) => {
      const line = lines.find((l) => l.id === lineId);
      if (!line)
        throw new AppError('UNPROCESSABLE', `Order ${order.number} has no line ${lineId}.`, [
          { path: 'body.lineId', code: 'not-found', params: { entity: 'order-line', id: lineId }, message: 'not a line of this order' },
        ]);
      const expected = line.expectedUnitPriceCents;
      if (expected === null)
        throw new AppError('UNPROCESSABLE', `Line ${line.lineNo} of order ${order.number} states no customer price.`, [
          { path: 'body.lineId', code: 'no-customer-price', params: {}, message: 'the customer sent no price on this line' },
        ]);
      // Ours as the customer's PRI states his: the line's net per unit, to the cent (as the price-mismatch rule reads it).
      const ours = line.quantity > 0 ? Math.round(line.netCents / line.quantity) : line.unitPriceCents;
      const agreed = answer === 'theirs' ? expected : ours;
      const carried = carriedOf(lines).map((c, i) => (lines[i].id === lineId ? { ...c, agreedUnitPriceCents: agreed } : c));
      const note: TimelineNote =
        answer === 'theirs'
          ? {
              code: 'customer-price-accepted',
              params: { lineNo: line.lineNo, product: line.productCode, fromCents: line.unitPriceCents, toCents: expected },
            }
          : { code: 'our-price-kept', params: { lineNo: line.lineNo, product: line.productCode, oursCents: ours, theirsCents: expected } };
      return { input: storedInput(order, lines), carried, notes: [note] };
    },
    caller,
    answer === 'theirs' ? 'accept_price' : 'keep_price',
    now,
  );
}
