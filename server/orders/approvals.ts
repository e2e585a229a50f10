import type { ApprovalItem } from '../../core/orders/order-findings.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import { type FindingRow, listFindingRows, listWaitingOrderIds, resolveFindings } from './findings.repository.ts';
import { toOrderFindingFromRow } from './findings.service.ts';
import { findOrderRow, listApprovalOrderRows, updateOrder } from './orders.repository.ts';
import type { Actor } from './transition.ts';

// A manager's answers to the rules: approving what needs approval (below minimum, over credit, outside the
// assortment, too short a lead time, a price question) and overriding what blocks. Both only on a draft, both
// with a reason, both on the order's timeline.

function mustBeDraft(order: { number: string; status: string }, what: string): void {
  if (order.status !== 'draft') {
    throw new AppError('INVALID_TRANSITION', `Order ${order.number} is ${order.status}: only a draft's findings can be ${what}.`, [], {
      currentStatus: order.status,
    });
  }
}

const summary = (rows: readonly FindingRow[]) =>
  rows.map((r) => ({ rule: r.rule, severity: r.severity, lineNo: r.lineNo, lineId: r.lineId, message: r.messageFr }));

/**
 * Approves every approval finding of a draft still waiting, or only one rule's on one line (`only`, from the EDI
 * queue; `lineNo` null: the order-level one); 409 when none waits.
 */
export async function approveOrder(
  db: Db,
  orderId: number,
  actor: Actor,
  reason: string,
  now: Date,
  only?: { rule: string; lineNo: number | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const order = await findOrderRow(trx, orderId);
    if (!order) throw notFound('Order', orderId);
    mustBeDraft(order, 'approved');
    const waiting = (await listFindingRows(trx, [orderId])).filter(
      (r) => r.severity === 'approval' && r.overriddenAt === null && (!only || (r.rule === only.rule && r.lineNo === only.lineNo)),
    );
    if (waiting.length === 0) throw new AppError('CONFLICT', `Order ${order.number} has no finding waiting for approval.`);
    const at = now.toISOString();
    await resolveFindings(
      trx,
      waiting.map((r) => r.id),
      { userId: actor.id, at, reason },
    );
    await updateOrder(trx, orderId, { updatedAt: at }); // the order changed: screens showing it refresh
    await recordAudit(trx, {
      entityType: 'order',
      entityId: orderId,
      orderId,
      action: 'approve',
      userId: actor.id,
      after: { findings: summary(waiting) },
      note: reason,
      at: now.toISOString(),
    });
  });
}

/** Overrides the block findings of one rule (on one line when `lineId` is given); 422 when none is open. */
export async function overrideFinding(
  db: Db,
  orderId: number,
  actor: Actor,
  input: { rule: string; lineId?: number; reason: string },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const order = await findOrderRow(trx, orderId);
    if (!order) throw notFound('Order', orderId);
    mustBeDraft(order, 'overridden');
    const open = (await listFindingRows(trx, [orderId])).filter(
      (r) =>
        r.severity === 'block' &&
        r.overriddenAt === null &&
        r.rule === input.rule &&
        (input.lineId === undefined || r.lineId === input.lineId),
    );
    if (open.length === 0) {
      const where = input.lineId === undefined ? '' : ` on line ${input.lineId}`;
      throw new AppError('UNPROCESSABLE', `Order ${order.number} has no open block finding ${input.rule}${where}.`, [
        {
          path: input.lineId === undefined ? 'body.rule' : 'body.lineId',
          code: 'not-found',
          params: { entity: 'finding', id: input.rule },
          message: `no open block finding ${input.rule}${where}`,
        },
      ]);
    }
    const at = now.toISOString();
    await resolveFindings(
      trx,
      open.map((r) => r.id),
      { userId: actor.id, at, reason: input.reason },
    );
    await updateOrder(trx, orderId, { updatedAt: at });
    await recordAudit(trx, {
      entityType: 'order',
      entityId: orderId,
      orderId,
      action: 'override',
      userId: actor.id,
      after: { findings: summary(open) },
      note: input.reason,
      at: now.toISOString(),
    });
  });
}

/** The manager's queue: drafts with a block or an approval nobody answered, oldest first, each with all its findings. */
export async function listApprovals(
  db: DbOrTrx,
  page: { limit: number; offset: number },
): Promise<{ items: ApprovalItem[]; total: number }> {
  const { ids, total } = await listWaitingOrderIds(db, page);
  if (ids.length === 0) return { items: [], total };
  const [orders, findings] = await Promise.all([listApprovalOrderRows(db, ids), listFindingRows(db, ids)]);
  const byId = new Map(orders.map((o) => [o.id, o]));
  return {
    total,
    items: ids.map((id) => {
      const o = byId.get(id)!;
      return {
        orderId: o.id,
        number: o.number,
        customerId: o.customerId,
        customerName: o.customerName,
        channel: o.channel,
        requestedDate: o.requestedDate,
        createdAt: o.createdAt,
        createdByName: o.createdByName,
        totals: { netCents: Number(o.netCents), grossCents: Number(o.grossCents) },
        findings: findings.filter((f) => f.orderId === id).map(toOrderFindingFromRow),
      };
    }),
  };
}
