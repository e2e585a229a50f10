import { recordAudit } from '../audit/audit.repository.ts';
import type { Db, Trx } from '../db/database.ts';
import { listDeliveryLineRows, listDeliveryRows, movePlannedDeliveries } from '../deliveries/deliveries.repository.ts';
import { syncPlannedDeliveries } from '../deliveries/delivery-plan.ts';
import { queueAcknowledgement } from '../documents/order-acknowledgement.ts';
import { queueEdiOutbound } from '../edi/outbound.ts';
import { AppError, notFound } from '../errors.ts';
import { requestRiskScan } from '../risks/risk-scheduler.ts';
import { deleteFindings, insertFindings, listFindingRows } from './findings.repository.ts';
import { findingKey, type OrderFinding } from '../../core/orders/order-findings.ts';
import { findingRows, toOrderFindingFromRow, withResolutions } from './findings.service.ts';
import { type ChangedInput, changedInput, changeNeedsManager, findingsNeedingManager, type OrderChange } from './order-change.ts';
import { orderDateOf } from './order-rules.ts';
import {
  findOrderRow,
  insertOrderLines,
  listOrderLineRows,
  type OrderLineRow,
  type OrderRow,
  updateOrder,
  updateOrderLine,
} from './orders.repository.ts';
import { resolveDraft, type ResolvedDraft } from './resolve-draft.ts';
import { patchDraft, type Saved } from './save-order.ts';
import { runStoredOrderRules } from './stored-order-rules.ts';
import { type Actor, invalidTransition } from './transition.ts';
import { bindOrderGestures } from '../complaints/order-gestures.ts';

export type { OrderChange };

const CHANGEABLE = ['draft', 'confirmed', 'released'] as const;

/** The order as the timeline shows it before and after a change: header, live lines, and a released order's deliveries. */
async function snapshot(trx: Trx, order: OrderRow, lines: readonly OrderLineRow[]) {
  const released = order.status === 'released';
  const deliveries = released ? (await listDeliveryRows(trx, order.id)).filter((d) => d.status === 'planned') : [];
  const held = released
    ? await listDeliveryLineRows(
        trx,
        deliveries.map((d) => d.id),
      )
    : [];
  return {
    deliveryPointId: order.deliveryPointId,
    requestedDate: order.requestedDate,
    promisedDate: order.promisedDate,
    note: order.note,
    netCents: Number(order.netCents),
    grossCents: Number(order.grossCents),
    lines: lines
      .filter((l) => l.status !== 'cancelled')
      .map((l) => ({ id: l.id, lineNo: l.lineNo, productId: l.productId, quantity: l.quantity, unitPriceCents: l.unitPriceCents })),
    ...(released
      ? {
          deliveries: deliveries.map((d) => ({
            number: d.number,
            warehouseId: d.warehouseId,
            plannedDate: d.plannedDate,
            lines: held.filter((h) => h.deliveryId === d.id).map((h) => ({ orderLineId: h.orderLineId, quantity: h.quantity })),
          })),
        }
      : {}),
  };
}

/** 409 for an order whose goods have left: which deliveries, when, with what. */
async function shippedConflict(db: Db, order: OrderRow): Promise<AppError> {
  const left = (await listDeliveryRows(db, order.id)).filter((d) => d.status !== 'planned');
  const lines = await listDeliveryLineRows(
    db,
    left.map((d) => d.id),
  );
  const codes = new Map((await listOrderLineRows(db, order.id)).map((l) => [l.id, l.productCode]));
  const what = left.map(
    (d) =>
      `${d.deliveryNoteNumber ?? d.number}${d.shippedAt ? ` (shipped ${d.shippedAt.slice(0, 10)})` : ''}: ` +
      lines
        .filter((l) => l.deliveryId === d.id)
        .map((l) => `${l.quantity} × ${codes.get(l.orderLineId) ?? l.productId}`)
        .join(', '),
  );
  return new AppError(
    'CONFLICT',
    `Order ${order.number} is ${order.status}: what has left the warehouse cannot change. Shipped: ${what.join('; ') || 'its goods'}.`,
    [],
    {
      currentStatus: order.status,
      shipped: left.map((d) => ({
        deliveryNumber: d.number,
        deliveryNoteNumber: d.deliveryNoteNumber,
        shippedAt: d.shippedAt,
        lines: lines
          .filter((l) => l.deliveryId === d.id)
          .map((l) => ({ orderLineId: l.orderLineId, productCode: codes.get(l.orderLineId) ?? null, quantity: l.quantity })),
      })),
    },
  );
}

/** The change weighed against the order as it stands: the order after it, as the rules read it, and what needs a manager. */
export type AssessedChange = {
  changed: ChangedInput;
  draft: ResolvedDraft;
  /** The stored findings, whose answers carry over to what did not change. */
  stored: OrderFinding[];
  /** The stored id of each line of `draft` (kept lines first; added ones get theirs when written). */
  lineIds: (number | undefined)[];
  /** The blocks and approvals the change brings that nobody answered. */
  waiting: OrderFinding[];
};

/** Runs the rules on the order before and after the change (nothing is written). */
export async function assessChange(
  db: Db,
  order: OrderRow,
  lines: readonly OrderLineRow[],
  change: OrderChange,
  now: Date,
): Promise<AssessedChange> {
  const changed = changedInput(order, lines, change);
  const live = lines.filter((l) => l.status !== 'cancelled');
  const [before, draft, storedRows] = await Promise.all([
    runStoredOrderRules(db, order, live, { suggest: false, now }),
    resolveDraft(db, changed.input, { orderDate: orderDateOf(order.createdAt), now, excludeOrderId: order.id, carried: changed.carried }),
    listFindingRows(db, [order.id]),
  ]);
  const beforeRefs = live.map((l) => String(l.id));
  const afterRefs = draft.lines.map((l, i) => (i < changed.kept.length ? String(changed.kept[i].id) : `+${l.product.id}`));
  const lineIds: (number | undefined)[] = changed.kept.map((l) => l.id);
  const stored = storedRows.map(toOrderFindingFromRow);
  const fresh = withResolutions(draft.rules.findings, lineIds, stored);
  const waiting = findingsNeedingManager(before.findings, beforeRefs, fresh, draft.rules.findings, afterRefs);
  return { changed, draft, stored, lineIds, waiting };
}

/**
 * A manager's yes to a change that waited (a change request): the findings it showed are answered with the reason,
 * and the change applies only to the order as it was asked against. `record` writes the request's answer in the
 * change's own transaction.
 */
export type ChangeApproval = {
  findings: readonly OrderFinding[];
  reason: string;
  /** The order as it stood when the change was asked (`orderVersion`). */
  askedAgainst: string;
  record: (trx: Trx, at: string) => Promise<void>;
};

/** What a change is asked on: the live lines and their quantities, the date, the delivery point, the note. */
export function orderVersion(order: OrderRow, lines: readonly OrderLineRow[]): string {
  return JSON.stringify({
    lines: lines.filter((l) => l.status !== 'cancelled').map((l) => [l.id, l.productId, l.quantity]),
    requestedDate: order.requestedDate,
    deliveryPointId: order.deliveryPointId,
    note: order.note,
  });
}

/** Whether the order a request was asked on is the order as it stands (`askedAgainst`, its `orderVersion`); 409 saying why not. */
export async function checkStillAsAsked(db: Db, order: OrderRow, lines: readonly OrderLineRow[], askedAgainst: string): Promise<void> {
  const left = (await listDeliveryRows(db, order.id)).some((d) => d.status !== 'planned');
  if (left || order.status === 'shipped' || order.status === 'delivered' || order.status === 'closed')
    throw await shippedConflict(db, order);
  if (order.status !== 'confirmed' && order.status !== 'released') throw invalidTransition(order, 'edit', ['confirmed', 'released']);
  if (orderVersion(order, lines) !== askedAgainst)
    throw new AppError(
      'CONFLICT',
      `Order ${order.number} changed after the change was asked (its lines, date, delivery point or note are no longer those it was asked on, last changed at ${order.updatedAt}): refuse this request and ask again from the order as it stands.`,
      [],
      { currentStatus: order.status, updatedAt: order.updatedAt },
    );
}

/**
 * Which findings the manager's approval answers: those the change brings, when the request showed them all. Without
 * an approval, a change that brings any is refused (422); a block or approval the request did not show (the rules
 * read other figures now) stops it with 409.
 */
function approvedKeys(assessed: AssessedChange, approval: ChangeApproval | undefined, number: string): Set<string> {
  if (!assessed.waiting.length) return new Set();
  if (!approval) throw changeNeedsManager(number, assessed.waiting);
  const shown = new Set(approval.findings.map(findingKey));
  const unseen = assessed.waiting.filter((f) => !shown.has(findingKey(f)));
  if (unseen.length)
    throw new AppError(
      'CONFLICT',
      `The change to order ${number} now brings findings the request did not show: ${unseen.map((f) => f.message).join('; ')}. Refuse it and ask again.`,
      [],
      { findings: unseen },
    );
  return new Set(assessed.waiting.map(findingKey));
}

/** The findings as written: the stored answers carried over, and the manager's approval on those it answers. */
function withApproval(findings: readonly OrderFinding[], keys: ReadonlySet<string>, actor: Actor, at: string, reason: string) {
  return findings.map((f) =>
    keys.has(findingKey(f))
      ? {
          ...f,
          resolution: {
            kind: f.severity === 'block' ? ('overridden' as const) : ('approved' as const),
            userId: actor.id,
            userName: null,
            at,
            reason,
          },
        }
      : f,
  );
}

/**
 * Changes an order that is a draft, confirmed or released (`PATCH /api/orders/{id}`): lines added, changed or
 * removed, the date, the delivery point, the note. The rules run again on the changed order, priced on the day it was
 * taken; a block or approval the change brings (one the order as it stands did not have) refuses it with 422 and the
 * findings, for a manager, unless a manager approved this very change (`approval`, from a change request). Otherwise,
 * in one transaction: lines kept in place (their ids, hence their deliveries and EDI line numbers, stay), added lines
 * numbered after the last, removed lines cancelled (a draft's deleted); the findings replaced, keeping the answers to
 * what did not change; a released order's planned deliveries and their reservations follow; audited before and after;
 * a new acknowledgement version and, for an EDI order, an ORDRSP. Once anything has left the warehouse: 409 naming
 * what shipped.
 */
export async function changeOrder(
  db: Db,
  orderId: number,
  change: OrderChange,
  actor: Actor,
  now: Date,
  approval?: ChangeApproval,
): Promise<Saved | { id: number; suggestions?: undefined }> {
  const [order, lines] = await Promise.all([findOrderRow(db, orderId), listOrderLineRows(db, orderId)]);
  if (!order) throw notFound('Order', orderId);
  if (approval) await checkStillAsAsked(db, order, lines, approval.askedAgainst);
  // Nothing named changes: nothing is written, no acknowledgement goes out.
  if (unchanged(order, change)) return { id: orderId };
  if (order.status === 'draft') return patchDraft(db, orderId, (o, l) => changedInput(o, l, change), actor, now);
  if (order.status === 'shipped' || order.status === 'delivered' || order.status === 'closed') throw await shippedConflict(db, order);
  if (!(CHANGEABLE as readonly string[]).includes(order.status)) throw invalidTransition(order, 'edit', CHANGEABLE);
  if ((await listDeliveryRows(db, orderId)).some((d) => d.status !== 'planned')) throw await shippedConflict(db, order);

  const assessed = await assessChange(db, order, lines, change, now);
  const { changed, draft, lineIds } = assessed;
  const approved = approvedKeys(assessed, approval, order.number);
  const at = now.toISOString();

  await db.transaction().execute(async (trx) => {
    const current = await findOrderRow(trx, orderId);
    if (!current || current.updatedAt !== order.updatedAt || current.status !== order.status)
      throw new AppError('CONFLICT', `Order ${order.number} was changed by someone else meanwhile; reload it.`);
    const beforeSnapshot = await snapshot(trx, order, lines);
    // Kept lines in place, with their new quantity and price; the EDI's asked data stays on them.
    for (const [i, l] of changed.kept.entries()) {
      const r = draft.lines[i];
      await updateOrderLine(trx, l.id, {
        quantity: r.quantity,
        unitPriceCents: r.unitPriceCents,
        netCents: r.netCents,
        vatRateBp: r.vatRateBp,
        promotionId: r.promotionId,
        freeQuantity: r.freeQuantity,
      });
    }
    for (const l of changed.removed) await updateOrderLine(trx, l.id, { status: 'cancelled' });
    let nextLineNo = Math.max(0, ...lines.map((l) => l.lineNo)) + 1;
    const addedRows = draft.lines.slice(changed.kept.length).map((r) => ({
      orderId,
      lineNo: nextLineNo++,
      productId: r.product.id,
      customerCode: r.customerCode,
      quantity: r.quantity,
      unitPriceCents: r.unitPriceCents,
      netCents: r.netCents,
      vatRateBp: r.vatRateBp,
      deliveredQuantity: null,
      status: 'open',
      backorderOfLineId: null,
      promotionId: r.promotionId,
      freeQuantity: r.freeQuantity,
    }));
    const written = addedRows.length ? await insertOrderLines(trx, addedRows) : new Map<number, number>();
    for (const row of addedRows) lineIds.push(written.get(row.lineNo));

    const promisedDate = change.requestedDate !== undefined ? draft.requestedDate : order.promisedDate;
    await updateOrder(trx, orderId, {
      deliveryPointId: draft.deliveryPoint.id,
      requestedDate: draft.requestedDate,
      promisedDate,
      note: draft.note,
      netCents: draft.totals.netCents,
      vatCents: draft.totals.vatCents,
      grossCents: draft.totals.grossCents,
      palletsCenti: Math.round(draft.totals.pallets * 100),
      weightG: draft.totals.weightG,
      chargesJson: draft.charges.length ? JSON.stringify(draft.charges) : null,
      chargesNetCents: draft.charges.reduce((sum, c) => sum + c.netCents, 0),
      updatedAt: at,
    });
    // A draft takes its gestures when it is confirmed; a confirmed order changed keeps, gains or gives back its own.
    if (order.status !== 'draft') await bindOrderGestures(trx, order, draft.charges, at);
    await deleteFindings(trx, orderId);
    const findings = withResolutions(draft.rules.findings, lineIds, assessed.stored);
    await insertFindings(trx, findingRows(orderId, withApproval(findings, approved, actor, at, approval?.reason ?? '')));
    if (order.status === 'released') {
      // Same delivery numbers on the new date; then each delivery holds the lines as they now are, reservations with them.
      const from = order.promisedDate ?? order.requestedDate;
      if (from && promisedDate && from !== promisedDate) await movePlannedDeliveries(trx, orderId, { from, to: promisedDate });
      await syncPlannedDeliveries(trx, { id: orderId, promisedDate, requestedDate: draft.requestedDate }, at);
    }
    const after = (await findOrderRow(trx, orderId))!;
    await recordAudit(trx, {
      entityType: 'order',
      entityId: orderId,
      orderId,
      action: 'change',
      userId: actor.id,
      before: beforeSnapshot,
      after: await snapshot(trx, after, await listOrderLineRows(trx, orderId)),
      at,
    });
    await approval?.record(trx, at);
    // The customer gets the order as it now stands: a new ARC version, and the ORDRSP for an EDI partner.
    await acknowledgeChange(trx, orderId, actor, at);
  });
  requestRiskScan();
  return { id: orderId, suggestions: [] };
}

export function unchanged(order: OrderRow, change: OrderChange): boolean {
  return (
    !change.lines?.length &&
    !change.removeLineIds?.length &&
    (change.requestedDate === undefined || change.requestedDate === order.requestedDate) &&
    (change.deliveryPointId === undefined || change.deliveryPointId === order.deliveryPointId) &&
    (change.note === undefined || (change.note?.trim() || null) === order.note)
  );
}

/** The one place a change is acknowledged to the customer (ARC version, ORDRSP), inside the change's transaction. */
async function acknowledgeChange(trx: Trx, orderId: number, actor: Actor, at: string): Promise<void> {
  await queueAcknowledgement(trx, orderId, actor, at);
  await queueEdiOutbound(trx, orderId, 'ordrsp', at);
}
