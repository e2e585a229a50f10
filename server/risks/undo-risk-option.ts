import type { Bilingual } from '../../core/shared/bilingual.ts';
import { undoRefusal } from '../../core/risks/undo.ts';
import { type AuditEvent, listAuditEvents, recordAudit } from '../audit/audit.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { listDeliveryRows, movePlannedDeliveries } from '../deliveries/deliveries.repository.ts';
import { syncPlannedDeliveries } from '../deliveries/delivery-plan.ts';
import { queueAcknowledgement } from '../documents/order-acknowledgement.ts';
import { queueEdiOutbound } from '../edi/outbound.ts';
import { AppError, notFound } from '../errors.ts';
import { findOrderRow, listOrderLineRows, setOrderLinesStatus, updateOrderLine, updateOrderStatus } from '../orders/orders.repository.ts';
import { type Actor, recordTransition, startTransition } from '../orders/transition.ts';
import { deliveriesSnapshot, type OrderSnapshot, snapshot } from './resolve-risk.ts';
import { requestRiskScan } from './risk-scheduler.ts';
import { findRisk, updateRisk } from './risks.repository.ts';

// Taking back an option applied on a risk call: the order as it was before, from the "before" its resolve_risk
// timeline entry keeps (the one record of the apply: no store of its own), while nothing moved on since.

type Applied = {
  event: AuditEvent;
  before: OrderSnapshot & { status: string; deliveries?: Awaited<ReturnType<typeof deliveriesSnapshot>> };
  after: { label?: Bilingual; backorder: { id: number; number: string } | null; acknowledgementVersion?: number };
};

/** The last option applied to the order on this risk, and everything the order's timeline recorded after it. */
async function appliedOption(db: DbOrTrx, orderId: number, riskId: number): Promise<{ applied: Applied; later: AuditEvent[] } | null> {
  const events = await listAuditEvents(db, { entityType: 'order', entityId: orderId });
  const i = events.findLastIndex((e) => e.action === 'resolve_risk' && (e.after as { riskId?: number } | null)?.riskId === riskId);
  if (i < 0) return null;
  const e = events[i];
  return { applied: { event: e, before: e.before as Applied['before'], after: e.after as Applied['after'] }, later: events.slice(i + 1) };
}

/** What the call screen says of a resolved risk: the option applied (to offer its undo), null once undone or never applied. */
export async function findAppliedOption(db: DbOrTrx, orderId: number, riskId: number) {
  const found = await appliedOption(db, orderId, riskId);
  if (!found || found.later.some((e) => e.action === 'undo_risk_option')) return null;
  const { after, event } = found.applied;
  return after.label ? { label: after.label, at: event.at } : null;
}

const conflict = (detail: string, params: Record<string, string | number | null>) => new AppError('CONFLICT', detail, [], { undo: params });

/**
 * Undo (`POST /api/risks/{id}/undo`): in one transaction, the order's lines, date and totals put back as they were
 * before the option (a line the option added is cancelled; a released order's planned deliveries and their
 * reservations follow), the backorder it made cancelled, the risk open again, both timelines noted, and a new
 * acknowledgement of the order as it was queued, which supersedes the revised one (and an ORDRSP for an EDI
 * partner). Refused with 409 once anything moved on since (core/risks/undo): a release, another change, a shipment.
 */
export async function undoRiskOption(db: Db, riskId: number, actor: Actor, now: Date) {
  const result = await db.transaction().execute(async (trx) => {
    const risk = await findRisk(trx, riskId);
    if (!risk) throw notFound('Risk', riskId);
    const found = risk.status === 'resolved' ? await appliedOption(trx, risk.orderId, riskId) : null;
    // An option applied before undo existed kept too little of the order to put it back: not undoable either.
    if (!found || !found.applied.after.label || found.later.some((e) => e.action === 'undo_risk_option'))
      throw conflict(`Risk ${riskId} is ${risk.status}: no option applied on it to undo.`, { reason: 'nothing-applied' });
    const { applied, later } = found;
    const order = (await findOrderRow(trx, risk.orderId))!;
    const deliveries = await listDeliveryRows(trx, order.id);
    const backorder = applied.after.backorder ? await findOrderRow(trx, applied.after.backorder.id) : null;
    const refusal = undoRefusal({
      appliedStatus: applied.before.status,
      status: order.status,
      laterActions: later.map((e) => e.action),
      leftDeliveries: deliveries.filter((d) => d.status !== 'planned').length,
      backorder: backorder
        ? { number: backorder.number, status: backorder.status, deliveries: (await listDeliveryRows(trx, backorder.id)).length }
        : null,
    });
    if (refusal) {
      const why =
        refusal.reason === 'status'
          ? `it was ${refusal.from} then and is ${refusal.to} now`
          : refusal.reason === 'changed'
            ? `the order moved on since (${refusal.action})`
            : refusal.reason === 'shipped'
              ? 'goods of it have left the warehouse'
              : `its backorder ${refusal.number} is ${refusal.status}`;
      throw conflict(`The option applied to order ${order.number} cannot be undone: ${why}.`, { ...refusal });
    }

    const at = now.toISOString();
    const lines = await listOrderLineRows(trx, order.id);
    const current = { ...snapshot(order, lines), status: order.status };
    const before = applied.before;
    const known = new Set(before.lines.map((l) => l.id));
    for (const l of before.lines)
      await updateOrderLine(trx, l.id, {
        quantity: l.quantity,
        netCents: l.netCents,
        status: l.status,
        warehouseId: l.warehouseId ?? null,
        plannedDate: l.plannedDate ?? null,
      });
    // A line the option added (the substitute, the rest of a split) leaves as a removed line does: cancelled.
    for (const l of lines) if (!known.has(l.id) && l.status !== 'cancelled') await updateOrderLine(trx, l.id, { status: 'cancelled' });
    const moved = await updateOrderStatus(trx, order.id, order.status, {
      status: order.status,
      promisedDate: before.promisedDate,
      netCents: before.netCents,
      vatCents: before.vatCents,
      grossCents: before.grossCents,
      palletsCenti: before.palletsCenti,
      weightG: before.weightG,
      updatedAt: at,
    });
    if (!moved) throw new AppError('CONFLICT', `Order ${order.number} was changed by someone else meanwhile; reload it.`);
    if (order.status === 'released') {
      if (order.promisedDate && before.promisedDate && order.promisedDate !== before.promisedDate)
        await movePlannedDeliveries(trx, order.id, { from: order.promisedDate, to: before.promisedDate });
      // A line leaves from where its delivery is: bound for the sync to where it left from before (another site
      // option moved it), then given back its own binding, so deliveries and reservations are where they were.
      const leftFrom = new Map((before.deliveries ?? []).flatMap((d) => d.lines.map((l) => [l.orderLineId, d.warehouseId] as const)));
      const rebind = before.lines.filter((l) => leftFrom.has(l.id) && leftFrom.get(l.id) !== (l.warehouseId ?? null));
      for (const l of rebind) await updateOrderLine(trx, l.id, { warehouseId: leftFrom.get(l.id) });
      await syncPlannedDeliveries(trx, { ...order, promisedDate: before.promisedDate }, at);
      for (const l of rebind) await updateOrderLine(trx, l.id, { warehouseId: l.warehouseId ?? null });
    }
    if (backorder) {
      const t = await startTransition(trx, backorder.id, 'cancel', now);
      await setOrderLinesStatus(trx, backorder.id, 'cancelled');
      await recordTransition(trx, t, actor, { notes: [{ code: 'risk-option-undone', params: { order: order.number } }] });
    }
    const acknowledgement = await queueAcknowledgement(trx, order.id, actor, at);
    await queueEdiOutbound(trx, order.id, 'ordrsp', at);
    const restored = await listOrderLineRows(trx, order.id);
    await recordAudit(trx, {
      entityType: 'order',
      entityId: order.id,
      orderId: order.id,
      action: 'undo_risk_option',
      userId: actor.id,
      before: current,
      after: {
        ...snapshot({ ...before }, restored),
        ...(order.status === 'released' ? { deliveries: await deliveriesSnapshot(trx, order.id) } : {}),
        riskId,
        label: applied.after.label,
        backorderCancelled: backorder?.number ?? null,
        acknowledgementVersion: acknowledgement.version,
      },
      notes: applied.after.acknowledgementVersion
        ? [
            {
              code: 'acknowledgement-supersedes',
              params: { version: acknowledgement.version, superseded: applied.after.acknowledgementVersion },
            },
          ]
        : [],
      at,
    });
    await updateRisk(trx, riskId, { status: 'open', resolvedAt: null, resolvedBy: null, resolutionOption: null, updatedAt: at });
    await recordAudit(trx, {
      entityType: 'risk',
      entityId: riskId,
      orderId: null,
      action: 'undo_risk_option',
      userId: actor.id,
      before: { status: 'resolved', option: risk.resolutionOption },
      after: { status: 'open' },
      at,
    });
    return { riskId, orderId: order.id, acknowledgementVersion: acknowledgement.version };
  });
  requestRiskScan();
  return result;
}
