import { type IsoDate, parisInstant, parisNow } from '../../core/calendar/dates.ts';
import { roundCents } from '../../core/shared/money.ts';
import { orderTotals } from '../../core/orders/totals.ts';
import { sameOption, type OrderChange, type RiskOption, type RiskOptionKind } from '../../core/risks/options.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Db, Trx } from '../db/database.ts';
import { createBackorder } from '../deliveries/deliver-order.ts';
import { listDeliveryLineRows, listDeliveryRows, movePlannedDeliveries } from '../deliveries/deliveries.repository.ts';
import { syncPlannedDeliveries } from '../deliveries/delivery-plan.ts';
import { queueEdiOutbound } from '../edi/outbound.ts';
import { queueAcknowledgement } from '../documents/order-acknowledgement.ts';
import { AppError, notFound } from '../errors.ts';
import {
  insertOrderLines,
  listOrderLineRows,
  type OrderLineRow,
  type OrderRow,
  updateOrder,
  updateOrderLine,
} from '../orders/orders.repository.ts';
import type { Actor } from '../orders/transition.ts';
import { raiseTask, resolveTask } from '../tasks/tasks.service.ts';
import { loadRiskOptions } from './risk-call.ts';
import { requestRiskScan } from './risk-scheduler.ts';
import { findRisk, type RiskRow, updateRisk } from './risks.repository.ts';

/** The task a call-back on a risk raises (one per risk): the day's plan puts the risk at its time. */
export const RISK_CALL_BACK_TASK = 'risk-call-back';

export type ChosenOption = { kind: RiskOptionKind | (string & {}); productId?: number; warehouseId?: number };
/** A call-back as the desk says it: a date and a time on the Paris clock. */
export type ParisMoment = { date: IsoDate; time: string };
export type ResolveInput =
  { option: ChosenOption; note?: string | null; customerApproved?: boolean } | { callBack: ParisMoment; note?: string | null };

export type ResolveResult =
  | { outcome: 'applied'; riskId: number; orderId: number; option: RiskOption; backorder: { id: number; number: string } | null }
  | { outcome: 'call-back'; riskId: number; orderId: number; taskId: number };

/**
 * The order as the audit shows it, before and after: the date, the lines (with their own warehouse and date), the
 * totals. The "before" is also what an undo puts back (undo-risk-option.ts), so it holds every figure the apply moves.
 */
export const snapshot = (
  order: Pick<OrderRow, 'promisedDate' | 'netCents' | 'grossCents' | 'vatCents' | 'palletsCenti' | 'weightG'>,
  lines: OrderLineRow[],
) => ({
  promisedDate: order.promisedDate,
  netCents: Number(order.netCents),
  vatCents: Number(order.vatCents),
  grossCents: Number(order.grossCents),
  palletsCenti: order.palletsCenti,
  weightG: order.weightG,
  lines: lines.map((l) => ({
    id: l.id,
    lineNo: l.lineNo,
    productId: l.productId,
    quantity: l.quantity,
    unitPriceCents: l.unitPriceCents,
    netCents: Number(l.netCents),
    status: l.status,
    ...(l.warehouseId !== null ? { warehouseId: l.warehouseId } : {}),
    ...(l.plannedDate !== null ? { plannedDate: l.plannedDate } : {}),
  })),
});

export type OrderSnapshot = ReturnType<typeof snapshot>;

/** The deliveries of a released order as the audit shows them: which leaves from where, when, with what. */
export async function deliveriesSnapshot(trx: Trx, orderId: number) {
  const deliveries = (await listDeliveryRows(trx, orderId)).filter((d) => d.status === 'planned');
  const lines = await listDeliveryLineRows(
    trx,
    deliveries.map((d) => d.id),
  );
  return deliveries.map((d) => ({
    id: d.id,
    number: d.number,
    warehouseId: d.warehouseId,
    plannedDate: d.plannedDate,
    lines: lines
      .filter((l) => l.deliveryId === d.id)
      .map((l) => ({ orderLineId: l.orderLineId, productId: l.productId, quantity: l.quantity })),
  }));
}

const goods = (lines: OrderLineRow[]) =>
  orderTotals(lines.filter((l) => l.status !== 'cancelled').map((l) => ({ ...l, netCents: Number(l.netCents) })));

async function openRisk(trx: Trx, id: number): Promise<RiskRow> {
  const risk = await findRisk(trx, id);
  if (!risk) throw notFound('Risk', id);
  if (risk.status !== 'open') throw new AppError('CONFLICT', `Risk ${id} is ${risk.status}: nothing to decide any more.`);
  return risk;
}

/**
 * "Call back at…": a task for the assistant on the date, the note kept on the risk, which stays open. The moment
 * comes as the desk says it, a Paris date and time, and is kept as the instant it is in Europe/Paris (winter or
 * summer time), whatever the browser's or the server's own zone; a moment already past is refused (422).
 */
async function callBack(trx: Trx, risk: RiskRow, actor: Actor, when: ParisMoment, note: string | null, now: Date): Promise<ResolveResult> {
  const at = parisInstant(when.date, when.time);
  if (at <= now.toISOString()) {
    const here = parisNow(now);
    throw new AppError('UNPROCESSABLE', `The call-back ${when.date} ${when.time} (Paris) is already past.`, [
      {
        path: 'body.callBack',
        code: 'out-of-range',
        params: { comparison: '>', limit: `${here.date} ${here.time}` },
        message: `must be after ${here.date} ${here.time} (Paris)`,
      },
    ]);
  }
  const { id: taskId } = await raiseTask(
    trx,
    {
      kind: RISK_CALL_BACK_TASK,
      dedupeKey: `risk:${risk.id}`,
      customerId: risk.customerId,
      title: {
        fr: `Rappeler ${risk.customerName} — commande ${risk.orderNumber}`,
        en: `Call ${risk.customerName} back — order ${risk.orderNumber}`,
      },
      reason: {
        fr: note || `Décision attendue sur le risque de la commande ${risk.orderNumber}`,
        en: note || `Decision awaited on order ${risk.orderNumber}'s risk`,
      },
      priority: risk.priorityScore,
      dueDate: when.date,
      estimatedMinutes: 5,
      assigneeId: actor.id,
      orderId: risk.orderId,
      productId: risk.productId,
      data: { riskId: risk.id, callBackAt: at, callBack: when },
    },
    now,
  );
  await updateRisk(trx, risk.id, { resolutionNote: note, updatedAt: now.toISOString() });
  await recordAudit(trx, {
    entityType: 'risk',
    entityId: risk.id,
    orderId: risk.orderId,
    action: 'call_back',
    userId: actor.id,
    after: { callBackAt: at, callBack: when, taskId },
    note,
    at: now.toISOString(),
  });
  return { outcome: 'call-back', riskId: risk.id, orderId: risk.orderId, taskId };
}

async function applyChanges(trx: Trx, order: OrderRow, lines: OrderLineRow[], changes: readonly OrderChange[], actor: Actor, at: string) {
  let backorder: { id: number; number: string } | null = null;
  const byId = new Map(lines.map((l) => [l.id, l]));
  let nextLineNo = Math.max(0, ...lines.map((l) => l.lineNo)) + 1;
  // The line keeps its discounts (a promotion's percent): its net shrinks in proportion, to the cent.
  const netFor = (l: OrderLineRow, quantity: number) => roundCents((Number(l.netCents) * quantity) / l.quantity);
  for (const c of changes) {
    if (c.type === 'set-line-quantity')
      await updateOrderLine(trx, c.lineId, { quantity: c.to, netCents: netFor(byId.get(c.lineId)!, c.to) });
    else if (c.type === 'cancel-line') await updateOrderLine(trx, c.lineId, { status: 'cancelled' });
    else if (c.type === 'add-line') {
      await insertOrderLines(trx, [
        {
          orderId: order.id,
          lineNo: nextLineNo++,
          productId: c.productId,
          customerCode: null,
          quantity: c.quantity,
          unitPriceCents: c.unitPriceCents,
          netCents: c.quantity * c.unitPriceCents,
          vatRateBp: c.vatRateBp,
          deliveredQuantity: null,
          status: 'open',
          backorderOfLineId: null,
        },
      ]);
    } else if (c.type === 'backorder') {
      const line = byId.get(c.lineId)!;
      // The same backorder as a short delivery makes (numbered -R1, -R2…), dated when it will be complete.
      backorder = await createBackorder(trx, { order, at }, [{ orderLine: line, missing: c.quantity }], actor);
      await updateOrder(trx, backorder.id, { requestedDate: c.date, promisedDate: c.date });
    } else if (c.type === 'set-promised-date') {
      await updateOrder(trx, order.id, { promisedDate: c.to });
      // A released order's deliveries on that date go with it (same delivery numbers, same reservations).
      await movePlannedDeliveries(trx, order.id, { from: c.from, to: c.to });
    }
    // Bound to the other warehouse: release must use it, and a released order's delivery moves there below.
    else if (c.type === 'set-warehouse') await updateOrderLine(trx, c.lineId, { warehouseId: c.to });
    else {
      // Split: the line keeps what leaves on the date; the rest is a line of its own, same product and price,
      // dated for its second delivery. The two nets add up to the line's net to the cent.
      const l = byId.get(c.lineId)!;
      const kept = netFor(l, c.keep);
      await updateOrderLine(trx, l.id, { quantity: c.keep, netCents: kept });
      await insertOrderLines(trx, [
        {
          orderId: order.id,
          lineNo: nextLineNo++,
          productId: l.productId,
          customerCode: l.customerCode,
          quantity: c.from - c.keep,
          unitPriceCents: l.unitPriceCents,
          netCents: Number(l.netCents) - kept,
          vatRateBp: l.vatRateBp,
          deliveredQuantity: null,
          status: 'open',
          backorderOfLineId: null,
          promotionId: l.promotionId,
          warehouseId: l.warehouseId,
          plannedDate: c.date,
        },
      ]);
    }
  }
  return backorder;
}

/**
 * The customer's decision on a call, applied in one transaction: the order changed as the option says (and nothing
 * else), its totals kept in step (charges untouched); on a released order its planned deliveries and their
 * reservations too (nothing has left yet; what has shipped is beyond change). Audited before/after, the updated
 * acknowledgement queued (and the backorder's own), the risk resolved with the option and the note. Or a call-back
 * task, the risk left open.
 */
export async function resolveRisk(db: Db, riskId: number, actor: Actor, input: ResolveInput, now: Date): Promise<ResolveResult> {
  const result = await db.transaction().execute(async (trx) => {
    const risk = await openRisk(trx, riskId);
    const note = input.note?.trim() || null;
    if ('callBack' in input) return callBack(trx, risk, actor, input.callBack, note, now);

    const { order, lines, options } = await loadRiskOptions(trx, risk, now);
    if (order.status !== 'confirmed' && order.status !== 'released') {
      throw new AppError(
        'CONFLICT',
        `Order ${order.number} is ${order.status}: what has shipped is beyond change; only a confirmed or released order is changed from a risk.`,
      );
    }
    const option = options.find((o) => sameOption(o, input.option));
    if (!option)
      throw new AppError('UNPROCESSABLE', `"${input.option.kind}" is not an option for risk ${riskId} now.`, [
        {
          path: 'body.option',
          code: 'choice',
          params: { allowed: options.map((o) => o.kind).join(', ') },
          message: `not one of: ${options.map((o) => o.kind).join(', ') || 'none'}`,
        },
      ]);
    if (!option.accepted && !input.customerApproved) {
      throw new AppError(
        'UNPROCESSABLE',
        `${risk.customerName}'s supply settings do not accept "${option.kind}": record that the customer approved it (customerApproved) to apply it.`,
        [
          {
            path: 'body.option.kind',
            code: 'not-accepted-by-customer',
            params: { option: option.kind },
            message: 'not accepted by the customer',
          },
        ],
      );
    }
    const at = now.toISOString();
    const released = order.status === 'released';
    const before = { ...snapshot(order, lines), ...(released ? { deliveries: await deliveriesSnapshot(trx, order.id) } : {}) };
    const oldGoods = goods(lines);
    const backorder = await applyChanges(trx, order, lines, option.changes, actor, at);
    const promised = option.changes.find((c) => c.type === 'set-promised-date');
    const promisedDate = promised?.type === 'set-promised-date' ? promised.to : order.promisedDate;
    // A released order's goods are already held: its planned deliveries and their reservations follow the order.
    if (released) await syncPlannedDeliveries(trx, { ...order, promisedDate }, at);
    const after = await listOrderLineRows(trx, order.id);
    const newGoods = goods(after);
    // Charges (shipping, surcharges) stay as priced: the order moves by what its goods moved.
    const totals = {
      netCents: Number(order.netCents) + newGoods.netCents - oldGoods.netCents,
      vatCents: Number(order.vatCents) + newGoods.vatCents - oldGoods.vatCents,
      grossCents: Number(order.grossCents) + newGoods.grossCents - oldGoods.grossCents,
      palletsCenti: Math.max(0, order.palletsCenti + Math.round((newGoods.pallets - oldGoods.pallets) * 100)),
      weightG: Math.max(0, order.weightG + newGoods.weightG - oldGoods.weightG),
    };
    await updateOrder(trx, order.id, { ...totals, updatedAt: at });
    // The customer gets the order as it now stands, as on confirmation: the ARC, and the ORDRSP for an EDI partner.
    const acknowledgement = await queueAcknowledgement(trx, order.id, actor, at);
    await queueEdiOutbound(trx, order.id, 'ordrsp', at);
    await recordAudit(trx, {
      entityType: 'order',
      entityId: order.id,
      orderId: order.id,
      action: 'resolve_risk',
      userId: actor.id,
      before: { ...before, status: order.status },
      after: {
        ...snapshot({ promisedDate, ...totals }, after),
        ...(released ? { deliveries: await deliveriesSnapshot(trx, order.id) } : {}),
        riskId,
        option: option.kind,
        label: option.label,
        backorder,
        acknowledgementVersion: acknowledgement.version,
      },
      note,
      at: now.toISOString(),
    });
    if (backorder) {
      await queueAcknowledgement(trx, backorder.id, actor, at);
      await queueEdiOutbound(trx, backorder.id, 'ordrsp', at);
    }
    const resolutionOption = JSON.stringify({
      kind: option.kind,
      productId: option.productId,
      warehouseId: option.warehouseId,
      customerApproved: !option.accepted || undefined,
    });
    // Decided: a call-back planned earlier on this risk has no object any more.
    await resolveTask(trx, RISK_CALL_BACK_TASK, `risk:${riskId}`, now);
    await updateRisk(trx, riskId, {
      status: 'resolved',
      resolvedAt: at,
      resolvedBy: actor.id,
      resolutionOption,
      resolutionNote: note,
      updatedAt: at,
    });
    await recordAudit(trx, {
      entityType: 'risk',
      entityId: riskId,
      orderId: null,
      action: 'resolve',
      userId: actor.id,
      after: { option: option.kind, changes: option.changes },
      note,
      at: now.toISOString(),
    });
    return { outcome: 'applied' as const, riskId, orderId: order.id, option, backorder };
  });
  requestRiskScan();
  return result;
}
