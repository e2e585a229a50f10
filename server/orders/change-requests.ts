import type { ChangeRequest, ChangeRequestStatus, ChangeSummary } from '../../core/orders/change-requests.schemas.ts';
import { parisNow } from '../../core/calendar/dates.ts';
import type { OrderFinding } from '../../core/orders/order-findings.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Db, Trx } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import { raiseTask } from '../tasks/tasks.service.ts';
import { type AssessedChange, assessChange, changeOrder, checkStillAsAsked, orderVersion, unchanged } from './change-order.ts';
import {
  type ChangeRequestRow,
  decideChangeRequest,
  findChangeRequestRow,
  findPendingChangeRequestId,
  insertChangeRequest,
  listChangeRequestRows,
  listOrderChangeRequestRows,
} from './change-requests.repository.ts';
import type { OrderChange } from './order-change.ts';
import { findOrderRow, listOrderLineRows, type OrderLineRow, type OrderRow } from './orders.repository.ts';
import type { Actor } from './transition.ts';

// Issue 16 § 2: a change to a confirmed or released order that needs a manager waits for one. The assistant's PATCH
// answers 422 with the findings; she submits the same body here, and it waits in the manager's queue. Approving
// applies it through changeOrder, the PATCH's own path, with the findings it showed answered by the manager;
// refusing keeps the reason. Either way the assistant who asked finds the answer in her tasks and on the order. The
// timeline says when it was asked and answered (and why); what was asked and the findings stay on the request.

function toChangeRequest(r: ChangeRequestRow): ChangeRequest {
  return {
    id: r.id,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    orderStatus: r.orderStatus,
    customerId: r.customerId,
    customerName: r.customerName,
    status: r.status as ChangeRequestStatus,
    change: JSON.parse(r.bodyJson) as OrderChange,
    summary: JSON.parse(r.summaryJson) as ChangeSummary,
    findings: JSON.parse(r.findingsJson) as OrderFinding[],
    requestedBy: r.requestedBy,
    requestedByName: r.requestedByName,
    requestedAt: r.requestedAt,
    decidedBy: r.decidedBy,
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt,
    reason: r.decisionReason,
  };
}

export async function getChangeRequest(db: Db, id: number): Promise<ChangeRequest> {
  const row = await findChangeRequestRow(db, id);
  if (!row) throw notFound('Change request', id);
  return toChangeRequest(row);
}

export async function listOrderChangeRequests(db: Db, orderId: number): Promise<{ items: ChangeRequest[]; total: number }> {
  if (!(await findOrderRow(db, orderId))) throw notFound('Order', orderId);
  const rows = await listOrderChangeRequestRows(db, orderId);
  return { items: rows.map(toChangeRequest), total: rows.length };
}

export async function listChangeRequests(
  db: Db,
  filter: { status?: ChangeRequestStatus; limit: number; offset: number },
): Promise<{ items: ChangeRequest[]; total: number }> {
  const { rows, total } = await listChangeRequestRows(db, filter);
  return { items: rows.map(toChangeRequest), total };
}

/** What the change would do, line by line (only the lines it touches) and to the header, for the manager to read. */
function changeSummary(order: OrderRow, { changed, draft }: AssessedChange): ChangeSummary {
  const of = (l: OrderLineRow) => ({
    lineId: l.id,
    lineNo: l.lineNo,
    productId: l.productId,
    productCode: l.productCode,
    productName: l.productName,
    saleUnit: l.saleUnit,
  });
  const kept = changed.kept
    .map((l, i) => ({ ...of(l), before: l.quantity, after: draft.lines[i].quantity }))
    .filter((l) => l.before !== l.after);
  const removed = changed.removed.map((l) => ({ ...of(l), before: l.quantity, after: null }));
  const added: ChangeSummary['lines'] = draft.lines.slice(changed.kept.length).map((r) => ({
    lineId: null,
    lineNo: null,
    productId: r.product.id,
    productCode: r.product.code,
    productName: r.product.name,
    saleUnit: r.product.saleUnit,
    before: null,
    after: r.quantity,
  }));
  return {
    lines: [...[...kept, ...removed].sort((a, b) => a.lineNo - b.lineNo), ...added],
    ...(draft.requestedDate !== order.requestedDate ? { requestedDate: { before: order.requestedDate, after: draft.requestedDate } } : {}),
    ...(draft.note !== order.note ? { note: { before: order.note, after: draft.note } } : {}),
    ...(draft.deliveryPoint.id !== order.deliveryPointId
      ? { deliveryPoint: { before: order.deliveryPointName, after: draft.deliveryPoint.name } }
      : {}),
    netCents: { before: Number(order.netCents), after: draft.totals.netCents },
  };
}

async function pendingConflict(db: Db | Trx, order: OrderRow): Promise<void> {
  const pending = await findPendingChangeRequestId(db, order.id);
  if (pending)
    throw new AppError(
      'CONFLICT',
      `Order ${order.number} already has a change waiting for a manager (request ${pending.id}): one at a time.`,
      [],
      { changeRequestId: pending.id },
    );
}

/**
 * Submits a change that needs a manager (`POST /api/orders/{id}/change-requests`, the PATCH's body): the rules run as
 * the PATCH runs them; 422 when nothing changes or when the change needs nobody (send it as a PATCH); 409 when the
 * order has left, or already has a pending request.
 */
export async function submitChangeRequest(db: Db, orderId: number, change: OrderChange, actor: Actor, now: Date): Promise<ChangeRequest> {
  const [order, lines] = await Promise.all([findOrderRow(db, orderId), listOrderLineRows(db, orderId)]);
  if (!order) throw notFound('Order', orderId);
  await checkStillAsAsked(db, order, lines, orderVersion(order, lines));
  await pendingConflict(db, order);
  if (unchanged(order, change))
    throw new AppError('UNPROCESSABLE', `The change to order ${order.number} changes nothing.`, [
      { path: 'body', code: 'nothing-changes', params: {}, message: 'the change names nothing that differs from the order' },
    ]);
  const assessed = await assessChange(db, order, lines, change, now);
  if (!assessed.waiting.length)
    throw new AppError('UNPROCESSABLE', `The change to order ${order.number} needs no manager: make it (PATCH /api/orders/${order.id}).`, [
      { path: 'body', code: 'no-approval-needed', params: {}, message: 'the change needs no manager' },
    ]);
  const at = now.toISOString();
  const id = await db.transaction().execute(async (trx) => {
    await pendingConflict(trx, order);
    const requestId = await insertChangeRequest(trx, {
      orderId,
      bodyJson: JSON.stringify(change),
      summaryJson: JSON.stringify(changeSummary(order, assessed)),
      findingsJson: JSON.stringify(assessed.waiting),
      askedAgainst: orderVersion(order, lines),
      status: 'pending',
      requestedBy: actor.id,
      requestedAt: at,
    });
    await recordAudit(trx, {
      entityType: 'order',
      entityId: orderId,
      orderId,
      action: 'change_requested',
      userId: actor.id,
      at,
    });
    return requestId;
  });
  return getChangeRequest(db, id);
}

async function pending(db: Db, id: number): Promise<ChangeRequestRow> {
  const row = await findChangeRequestRow(db, id);
  if (!row) throw notFound('Change request', id);
  if (row.status !== 'pending') throw answeredAlready(row);
  return row;
}

const answeredAlready = (row: ChangeRequestRow) =>
  new AppError(
    'CONFLICT',
    `The change to order ${row.orderNumber} was already ${row.status}${row.decidedByName ? ` by ${row.decidedByName}` : ''}${row.decidedAt ? ` at ${row.decidedAt}` : ''}.`,
    [],
    { requestStatus: row.status },
  );

/** In the decision's transaction: the request answered (409 when another manager was first), on the timeline, and in the asker's tasks. */
async function recordDecision(trx: Trx, row: ChangeRequestRow, status: 'approved' | 'refused', actor: Actor, reason: string, at: string) {
  if (!(await decideChangeRequest(trx, row.id, { status, decidedBy: actor.id, decidedAt: at, decisionReason: reason })))
    throw answeredAlready({ ...row, status: 'answered', decidedByName: null, decidedAt: null });
  await recordAudit(trx, {
    entityType: 'order',
    entityId: row.orderId,
    orderId: row.orderId,
    action: status === 'approved' ? 'change_approved' : 'change_refused',
    userId: actor.id,
    note: reason,
    at,
  });
  const approved = status === 'approved';
  await raiseTask(
    trx,
    {
      kind: approved ? 'order-change-approved' : 'order-change-refused',
      dedupeKey: `order-change-request:${row.id}`,
      customerId: row.customerId,
      orderId: row.orderId,
      title: approved
        ? { fr: `Modification de la commande ${row.orderNumber} validée`, en: `Change to order ${row.orderNumber} approved` }
        : { fr: `Modification de la commande ${row.orderNumber} refusée`, en: `Change to order ${row.orderNumber} refused` },
      reason: approved
        ? {
            fr: `${row.customerName} : la commande est modifiée, le nouvel accusé de réception est parti. Motif : ${reason}`,
            en: `${row.customerName}: the order is changed, the new acknowledgement has gone. Reason: ${reason}`,
          }
        : {
            fr: `${row.customerName} : la commande reste telle quelle, prévenir le client. Motif : ${reason}`,
            en: `${row.customerName}: the order stays as it was, tell the customer. Reason: ${reason}`,
          },
      priority: approved ? 3 : 2,
      dueDate: parisNow(new Date(at)).date,
      estimatedMinutes: 5,
      assigneeId: row.requestedBy,
    },
    new Date(at),
  );
}

/**
 * A manager approves: the change is made as the PATCH makes it (same path), the findings it showed answered with the
 * reason; 409 saying why when the order changed or shipped since it was asked.
 */
export async function approveChangeRequest(db: Db, id: number, actor: Actor, reason: string, now: Date): Promise<ChangeRequest> {
  const row = await pending(db, id);
  await changeOrder(db, row.orderId, JSON.parse(row.bodyJson) as OrderChange, actor, now, {
    findings: JSON.parse(row.findingsJson) as OrderFinding[],
    reason,
    askedAgainst: row.askedAgainst,
    record: (trx, at) => recordDecision(trx, row, 'approved', actor, reason, at),
  });
  return getChangeRequest(db, id);
}

/** A manager refuses: the order stays as it is; the reason is kept, on the timeline and for the assistant. */
export async function refuseChangeRequest(db: Db, id: number, actor: Actor, reason: string, now: Date): Promise<ChangeRequest> {
  const row = await pending(db, id);
  await db.transaction().execute((trx) => recordDecision(trx, row, 'refused', actor, reason, now.toISOString()));
  return getChangeRequest(db, id);
}
