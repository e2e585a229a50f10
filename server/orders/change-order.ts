import { recordAudit } from '../audit/audit.repository.ts';
import type { Db, Trx } from '../db/database.ts';
import { listDeliveryLineRows, listDeliveryRows, movePlannedDeliveries } from '../deliveries/deliveries.repository.ts';
import { syncPlannedDeliveries } from '../deliveries/delivery-plan.ts';
import { queueAcknowledgement } from '../documents/order-acknowledgement.ts';
import { queueEdiOutbound } from '../edi/outbound.ts';
import { AppError, notFound } from '../errors.ts';
import { requestRiskScan } from '../risks/risk-scheduler.ts';
import { deleteFindings, insertFindings, listFindingRows } from './findings.repository.ts';
import { findingRows, toOrderFindingFromRow, withResolutions } from './findings.service.ts';
import { changedInput, changeNeedsManager, findingsNeedingManager, type OrderChange } from './order-change.ts';
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
import { resolveDraft } from './resolve-draft.ts';
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

/**
 * Changes an order that is a draft, confirmed or released (`PATCH /api/orders/{id}`): lines added, changed or
 * removed, the date, the delivery point, the note. The rules run again on the changed order, priced on the day it was
 * taken; a block or approval the change brings (one the order as it stands did not have) refuses it with 422 and the
 * findings, for a manager. Otherwise, in one transaction: lines kept in place (their ids, hence their deliveries and
 * EDI line numbers, stay), added lines numbered after the last, removed lines cancelled (a draft's deleted); the
 * findings replaced, keeping the answers to what did not change; a released order's planned deliveries and their
 * reservations follow; audited before and after; a new acknowledgement version and, for an EDI order, an ORDRSP.
 * Once anything has left the warehouse: 409 naming what shipped.
 */
export async function changeOrder(
  db: Db,
  orderId: number,
  change: OrderChange,
  actor: Actor,
  now: Date,
): Promise<Saved | { id: number; suggestions?: undefined }> {
  const [order, lines] = await Promise.all([findOrderRow(db, orderId), listOrderLineRows(db, orderId)]);
  if (!order) throw notFound('Order', orderId);
  // Nothing named changes: nothing is written, no acknowledgement goes out.
  if (unchanged(order, change)) return { id: orderId };
  if (order.status === 'draft') return patchDraft(db, orderId, (o, l) => changedInput(o, l, change), actor, now);
  if (order.status === 'shipped' || order.status === 'delivered' || order.status === 'closed') throw await shippedConflict(db, order);
  if (!(CHANGEABLE as readonly string[]).includes(order.status)) throw invalidTransition(order, 'edit', CHANGEABLE);
  if ((await listDeliveryRows(db, orderId)).some((d) => d.status !== 'planned')) throw await shippedConflict(db, order);

  const changed = changedInput(order, lines, change);
  const [before, draft, storedRows] = await Promise.all([
    runStoredOrderRules(
      db,
      order,
      lines.filter((l) => l.status !== 'cancelled'),
      { suggest: false, now },
    ),
    resolveDraft(db, changed.input, { orderDate: orderDateOf(order.createdAt), now, excludeOrderId: orderId, carried: changed.carried }),
    listFindingRows(db, [orderId]),
  ]);
  const live = lines.filter((l) => l.status !== 'cancelled');
  const beforeRefs = live.map((l) => String(l.id));
  const afterRefs = draft.lines.map((l, i) => (i < changed.kept.length ? String(changed.kept[i].id) : `+${l.product.id}`));
  const lineIds: (number | undefined)[] = changed.kept.map((l) => l.id);
  const stored = storedRows.map(toOrderFindingFromRow);
  const fresh = withResolutions(draft.rules.findings, lineIds, stored);
  const waiting = findingsNeedingManager(before.findings, beforeRefs, fresh, draft.rules.findings, afterRefs);
  if (waiting.length) throw changeNeedsManager(order.number, waiting);

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
    await insertFindings(trx, findingRows(orderId, withResolutions(draft.rules.findings, lineIds, stored)));
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
    // The customer gets the order as it now stands: a new ARC version, and the ORDRSP for an EDI partner.
    await acknowledgeChange(trx, orderId, actor, at);
  });
  requestRiskScan();
  return { id: orderId, suggestions: [] };
}

function unchanged(order: OrderRow, change: OrderChange): boolean {
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
