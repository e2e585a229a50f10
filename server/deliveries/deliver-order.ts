import type { LineStatus, ShortfallChoice } from '../../core/orders/order.ts';
import { orderTotals } from '../../core/orders/totals.ts';
import { roundCents } from '../../core/shared/money.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Db, Trx } from '../db/database.ts';
import { queueAcknowledgement } from '../documents/order-acknowledgement.ts';
import { queueEdiOutbound } from '../edi/outbound.ts';
import { recordDeliveryFacts } from '../reports/facts.repository.ts';
import { AppError, type FieldError } from '../errors.ts';
import {
  countNumbersStartingWith,
  insertOrder,
  insertOrderLines,
  listOrderLineRows,
  type OrderLineRow,
  updateOrderLine,
} from '../orders/orders.repository.ts';
import { type Actor, recordTransition, type StartedTransition, startTransition } from '../orders/transition.ts';
import {
  type DeliveryLineRow,
  listDeliveryLineRows,
  listDeliveryRows,
  updateDelivery,
  updateDeliveryLine,
} from './deliveries.repository.ts';

export type DeliveredLineInput = { lineId: number; deliveredQuantity: number; shortfall?: ShortfallChoice };

type Outcome = { orderLine: OrderLineRow; deliveryLine: DeliveryLineRow; delivered: number; missing: number; status: LineStatus };

/** Every line of the shipped deliveries exactly once, no more than was shipped, and a choice for every shortfall. */
function checkReport(input: readonly DeliveredLineInput[], deliveryLines: DeliveryLineRow[], orderLines: OrderLineRow[]): Outcome[] {
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  const outcomes: Outcome[] = [];
  input.forEach((l, i) => {
    const deliveryLine = deliveryLines.find((d) => d.orderLineId === l.lineId);
    const orderLine = orderLines.find((o) => o.id === l.lineId);
    if (!deliveryLine || !orderLine)
      return void errors.push({
        path: `body.lines.${i}.lineId`,
        code: 'not-found',
        params: { entity: 'order-line', id: l.lineId },
        message: `line ${l.lineId} is not on this order's delivery`,
      });
    if (seen.has(l.lineId))
      return void errors.push({
        path: `body.lines.${i}.lineId`,
        code: 'duplicate',
        params: {},
        message: `line ${l.lineId} is given twice`,
      });
    seen.add(l.lineId);
    if (l.deliveredQuantity > deliveryLine.quantity) {
      return void errors.push({
        path: `body.lines.${i}.deliveredQuantity`,
        code: 'out-of-range',
        params: { comparison: '<=', limit: deliveryLine.quantity },
        message: `${l.deliveredQuantity} is more than the ${deliveryLine.quantity} shipped`,
      });
    }
    const missing = deliveryLine.quantity - l.deliveredQuantity;
    if (missing > 0 && !l.shortfall)
      return void errors.push({
        path: `body.lines.${i}.shortfall`,
        code: 'required',
        params: {},
        message: `${missing} missing: say "backorder" or "cancel"`,
      });
    const status: LineStatus = missing === 0 ? 'delivered' : l.shortfall === 'backorder' ? 'backordered' : 'short_cancelled';
    outcomes.push({ orderLine, deliveryLine, delivered: l.deliveredQuantity, missing, status });
  });
  const absent = deliveryLines.filter((d) => !input.some((l) => l.lineId === d.orderLineId));
  if (absent.length) {
    const lines = absent.map((d) => d.orderLineId).join(', ');
    errors.push({
      path: 'body.lines',
      code: 'lines-missing',
      params: { lines },
      message: `every shipped line must be given; missing line(s) ${lines}`,
    });
  }
  if (errors.length)
    throw new AppError(
      'UNPROCESSABLE',
      `The delivery report is not complete: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
      errors,
    );
  return outcomes;
}

/** The backorder's number: the original's, suffixed -R1, -R2…; a backorder of a backorder keeps counting on the root. */
async function backorderNumber(trx: Trx, original: string): Promise<string> {
  const base = original.replace(/-R\d+$/, '');
  return `${base}-R${(await countNumbersStartingWith(trx, `${base}-R`)) + 1}`;
}

/**
 * What the customer still wants: a new confirmed order with the missing quantities, at the prices of the original.
 * Also what a risk resolved with "partial now, the rest later" creates (server/risks/resolve-risk.ts).
 */
export async function createBackorder(
  trx: Trx,
  t: Pick<StartedTransition, 'order' | 'at'>,
  short: readonly Pick<Outcome, 'orderLine' | 'missing'>[],
  actor: Actor,
): Promise<{ id: number; number: string }> {
  // The missing part keeps the line's price as it was agreed, discounts included: its net is the line's net in
  // proportion, rounded to the cent, and the backorder's totals are the sum of those lines.
  const netOf = (s: Pick<Outcome, 'orderLine' | 'missing'>) => roundCents((s.orderLine.netCents * s.missing) / s.orderLine.quantity);
  const totals = orderTotals(short.map((s) => ({ ...s.orderLine, quantity: s.missing, netCents: netOf(s) })));
  const number = await backorderNumber(trx, t.order.number);
  const o = t.order;
  const id = await insertOrder(trx, {
    number,
    customerId: o.customerId,
    deliveryPointId: o.deliveryPointId,
    channel: o.channel,
    customerRef: o.customerRef,
    requestedDate: null,
    promisedDate: null,
    status: 'confirmed',
    // No note: what it is comes from backorderOfOrderId, which the order page and the timeline say in the
    // reader's language; the note stays the assistant's own.
    note: null,
    netCents: totals.netCents,
    vatCents: totals.vatCents,
    grossCents: totals.grossCents,
    palletsCenti: Math.round(totals.pallets * 100),
    weightG: totals.weightG,
    backorderOfOrderId: o.id,
    createdBy: actor.id,
    createdAt: t.at,
    updatedAt: t.at,
  });
  const lines = short.map((s, i) => ({
    orderId: id,
    lineNo: i + 1,
    productId: s.orderLine.productId,
    customerCode: s.orderLine.customerCode,
    quantity: s.missing,
    unitPriceCents: s.orderLine.unitPriceCents,
    netCents: netOf(s),
    vatRateBp: s.orderLine.vatRateBp,
    deliveredQuantity: null,
    status: 'open',
    backorderOfLineId: s.orderLine.id,
    // The price the customer was promised follows the goods still owed.
    expectedUnitPriceCents: s.orderLine.expectedUnitPriceCents,
    agreedUnitPriceCents: s.orderLine.agreedUnitPriceCents,
  }));
  await insertOrderLines(trx, lines);
  await recordAudit(trx, {
    entityType: 'order',
    entityId: id,
    orderId: id,
    action: 'create_backorder',
    userId: actor.id,
    notes: [{ code: 'backorder-of', params: { order: o.number } }],
    after: {
      number,
      status: 'confirmed',
      backorderOfOrderId: o.id,
      lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, backorderOfLineId: l.backorderOfLineId })),
    },
    at: t.at,
  });
  return { id, number };
}

/**
 * Records what the customer received against the shipped deliveries (one per warehouse the order left from), in one
 * report whose lines span them all. Full lines are delivered; each short line is
 * either carried over to one backorder (a new confirmed order) or cancelled, as the customer chose.
 */
export async function deliverOrder(db: Db, orderId: number, actor: Actor, input: readonly DeliveredLineInput[], now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const t = await startTransition(trx, orderId, 'deliver', now);
    const shipped = (await listDeliveryRows(trx, orderId)).filter((d) => d.status === 'shipped');
    if (shipped.length === 0) throw new AppError('CONFLICT', `Order ${t.order.number} has no shipped delivery.`);
    const [deliveryLines, orderLines] = await Promise.all([
      listDeliveryLineRows(
        trx,
        shipped.map((d) => d.id),
      ),
      listOrderLineRows(trx, orderId),
    ]);
    const outcomes = checkReport(input, deliveryLines, orderLines);

    for (const o of outcomes) {
      await updateDeliveryLine(trx, o.deliveryLine.id, { deliveredQuantity: o.delivered });
      await updateOrderLine(trx, o.orderLine.id, { deliveredQuantity: o.delivered, status: o.status });
    }
    for (const delivery of shipped) await updateDelivery(trx, delivery.id, { status: 'delivered', deliveredAt: t.at });
    // The reports' facts change with the delivery, in its transaction: the figures are never behind the orders.
    await recordDeliveryFacts(trx, [orderId]);
    const short = outcomes.filter((o) => o.status === 'backordered');
    const backorder = short.length ? await createBackorder(trx, t, short, actor) : null;
    // The backorder is born confirmed: it gets its own acknowledgement, like any confirmed order.
    if (backorder) await queueAcknowledgement(trx, backorder.id, actor, t.at);
    await queueEdiOutbound(trx, orderId, 'invoic', t.at);
    await recordTransition(trx, t, actor, {
      after: {
        deliveryIds: shipped.map((d) => d.id),
        lines: outcomes.map((o) => ({
          lineId: o.orderLine.id,
          ordered: o.deliveryLine.quantity,
          delivered: o.delivered,
          status: o.status,
        })),
        backorder,
      },
    });
  });
}
